// bansou: the profile page of Camunda Welcome, for people whose name an administrator gives.
//
// The page's form requires a first and a last name. Our accounts keep the whole name in the first
// (a Japanese name is one string, shown as it is written) and leave the last empty, so the form
// could never be saved: a companion could not even change their e-mail address. And a name is not
// one's own to change here (jp.bansou.security.NamesKept refuses it, whatever sends it). So the
// name is shown read-only, not required, with a line saying who changes it; an empty last name is
// not shown at all. The e-mail address stays one's own to change. Loaded by config.js
// (requireJsConfig) before Welcome starts; it changes no data.
define([], function () {
  'use strict';
  var angular = window.angular;
  var NAME_FIELDS = ['user-profile-firstname', 'user-profile-lastname'];
  var HINT = {
    ja: '名前は管理者が登録します。変えるときは、管理者に頼んでください。メールアドレスはここで変えられます。',
    en: 'Your name is given by an administrator: ask one to change it. You can change your e-mail address here.'
  };

  angular.module('bansou.welcome', []).directive('input', [
    '$translate',
    function ($translate) {
      return {
        restrict: 'E',
        require: '?ngModel',
        link: function (scope, element, attrs, model) {
          if (!model || NAME_FIELDS.indexOf(attrs.id) < 0) {
            return;
          }
          element.attr('readonly', 'readonly');
          element.attr('aria-readonly', 'true');
          // after every directive of the field is linked: Angular's own "required" is one of them
          scope.$evalAsync(function () {
            attrs.$set('required', false);
            delete model.$validators.required;
            model.$validate();
          });
          var group = element[0].closest('.form-group');
          if (attrs.id === 'user-profile-lastname') {
            scope.$watch(
              function () {
                return model.$viewValue;
              },
              function (value) {
                group.style.display = value ? '' : 'none';
              }
            );
          } else {
            var hint = document.createElement('p');
            hint.className = 'help-block bansou-name-hint';
            hint.textContent = ($translate.use() || '').indexOf('ja') === 0 ? HINT.ja : HINT.en;
            group.appendChild(hint);
          }
        }
      };
    }
  ]);
});
