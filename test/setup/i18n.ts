// Components rendered without a request's instance (a page through renderPage, a component alone)
// speak English, as react-i18next finds the process's instance once it is made.
import "~/i18n/i18n.server";
