// Grid Aid: the webapps speak the user's language everywhere, also where Camunda's locale files
// do not reach. Registered in config.js (customScripts); it runs before the webapp starts, so it
// adds to AngularJS's core module 'ng', which every webapp loads.
var ng = window.angular.module('ng');

// Dates ("12 小时后", "昨天 08:30") in the webapp's language. Camunda's locale loader gives
// moment each locale file's dateLocales and thereby also makes that locale moment's current
// one, for the user's language (zh) and for the fallback (en) alike, so whichever file comes
// last wins. This puts moment back on the language angular-translate uses each time a locale
// file has loaded or the language changed.
ng.run(['$injector', function ($injector) {
  if (!$injector.has('$translate')) {
    return;
  }
  var $translate = $injector.get('$translate');
  var $rootScope = $injector.get('$rootScope');
  // Tasklist has angular-moment (which also redraws "time ago" texts); Cockpit exposes moment
  var amMoment = $injector.has('amMoment') ? $injector.get('amMoment') : null;
  var moment = $injector.has('moment') ? $injector.get('moment') : window.moment;
  if (!moment) {
    return;
  }

  function followTheLanguage() {
    var language = $translate.use() || $translate.proposedLanguage();
    if (!language || moment.locale() === language || moment.locales().indexOf(language) < 0) {
      return;
    }
    if (amMoment) {
      amMoment.changeLocale(language);
    } else {
      moment.locale(language);
    }
  }

  $rootScope.$on('$translateLoadingSuccess', followTheLanguage);
  $rootScope.$on('$translateChangeSuccess', followTheLanguage);
  followTheLanguage();
}]);

// Two texts Cockpit 7.24 writes in English into its templates instead of taking them from its
// locale file: an empty value ("null", e.g. a process instance without a super process
// instance) and the head of the variables table's last column ("Actions"). Each is given the
// text of a key that says the same where the webapp has one.
function fixedText(englishText, key, inPlace) {
  return ['$translate', function ($translate) {
    return {
      restrict: 'C',
      link: function (scope, element) {
        var node = element[0];
        if (node.children.length || node.textContent.trim() !== englishText || !inPlace(node)) {
          return;
        }
        $translate(key).then(function (text) {
          node.textContent = text;
        }, function () {});
      }
    };
  }];
}
// (a config block: the directives of 'ng' itself can only be added once its $compileProvider is there)
ng.config(['$compileProvider', function ($compileProvider) {
  $compileProvider.directive('nullValue', fixedText('null', 'PROCESS_INSTANCE_NULL', function () {
    return true;
  }));
  $compileProvider.directive('actions', fixedText('Actions', 'BATCHES_PROGRESS_ACTIONS', function (node) {
    return node.tagName === 'TD' && node.closest('thead') !== null;
  }));
}]);
