package jp.bansou.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The mail server as the nodes see it: a TCP proxy in front of GreenMail that forwards, forwards
 * slowly (to stretch a backlog), or hangs: accepts the connection and never says a word, as the
 * hung server of issue 17 did.
 */
final class SmtpProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean hanging;
  private volatile int delayMillis;

  SmtpProxy(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "smtp-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Accept every connection and never answer. */
  void hang() {
    hanging = true;
  }

  /** Forward again; connections that hung stay hung until their client gives up. */
  void recover() {
    hanging = false;
  }

  /** Wait this long before connecting each session through. */
  void delay(int millis) {
    delayMillis = millis;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        if (hanging) {
          continue; // held open, never read, never answered
        }
        Thread session = new Thread(() -> forward(client), "smtp-proxy-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void forward(Socket client) {
    try {
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
      sockets.add(upstream);
      Thread back = new Thread(() -> pipe(upstream, client), "smtp-proxy-back");
      back.setDaemon(true);
      back.start();
      pipe(client, upstream);
    } catch (IOException | InterruptedException e) {
      close(client);
    }
  }

  private void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException closed) {
      // either side went away
    } finally {
      close(from);
      close(to);
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    sockets.forEach(SmtpProxy::close);
  }
}
