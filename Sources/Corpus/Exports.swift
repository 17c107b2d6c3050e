// The message language (`tr`, `counted`, `MessageLanguage`) lives in the small `Messages` target so PolishText can
// use it too; every module that imports Corpus sees it as before.
@_exported import Messages
