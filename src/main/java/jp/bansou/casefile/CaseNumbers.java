package jp.bansou.casefile;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Service;

/**
 * Hands out case numbers {@code YYYY-NNNNNN}: the year of intake and the next value of the database
 * sequence {@code case_number_seq}. Taking a value holds no lock and needs no connection besides
 * the engine's own, so concurrent intakes on any number of nodes never wait for each other; the
 * numbers are unique across nodes and go on counting from one year to the next. An intake that is
 * rolled back leaves a gap, which nothing relies on.
 */
@Service
public class CaseNumbers {

  static final String SEQUENCE = "case_number_seq";

  private final DataFieldMaxValueIncrementer sequence;

  public CaseNumbers(DataSource dataSource) throws MetaDataAccessException {
    String database =
        JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.sequence =
        "PostgreSQL".equals(database)
            ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
            : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
  }

  public String next(int year) {
    return String.format("%04d-%06d", year, sequence.nextLongValue());
  }
}
