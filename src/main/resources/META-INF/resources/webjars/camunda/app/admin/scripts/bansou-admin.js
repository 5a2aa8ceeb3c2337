// bansou: Camunda Admin's forms for an account's name, as our accounts keep it.
//
// A Japanese name is one string, shown as it is written, and so is a name written in the order of
// the person's own country: our accounts keep the whole name in the first-name field and leave the
// last empty (onboarding, the demo accounts). Admin's forms require a last name, so an
// administrator could neither create an account that way nor save an onboarded companion's
// profile (a new e-mail address) without making one up. Here the last name is optional, and the
// first-name field says how it is used. Loaded by config.js (requireJsConfig) before Admin starts;
// it changes no data.
define([], function () {
  'use strict';
  var angular = window.angular;
  var HINT = {
    ja: '名前は書くとおりに、この欄にまとめて書きます（例：田中 花子、NGUYEN VAN AN）。姓の欄は空のままでかまいません。',
    en: 'Write the whole name here, as it is written (e.g. NGUYEN VAN AN). The last name may stay empty.'
  };

  angular.module('bansou.admin', []).directive('input', [
    '$translate',
    function ($translate) {
      return {
        restrict: 'E',
        require: '?ngModel',
        link: function (scope, element, attrs, model) {
          if (!model) {
            return;
          }
          if (attrs.id === 'inputLastname') {
            // Admin's own 「姓は必須です。」 under it shows while the first name is empty (its
            // template asks the first name's field): a last name is never required here
            var messages = element[0].parentNode.querySelectorAll('.help-inline, .help-block');
            for (var i = 0; i < messages.length; i++) {
              messages[i].style.setProperty('display', 'none', 'important');
            }
            // after every directive of the field is linked: Angular's own "required" is one
            scope.$evalAsync(function () {
              attrs.$set('required', false);
              delete model.$validators.required;
              model.$validate();
            });
          } else if (attrs.id === 'inputFirstname') {
            var hint = document.createElement('p');
            hint.className = 'help-block bansou-name-hint';
            hint.textContent = ($translate.use() || '').indexOf('ja') === 0 ? HINT.ja : HINT.en;
            element[0].parentNode.appendChild(hint);
          }
        }
      };
    }
  ]);
});
