def log = new File(basedir, 'build.log').getText('UTF-8')

// The template's link is an error, positioned in the generated page.
assert log =~ /\[ERROR\] target\/site-gen\/index\.html:\d+:\d+: error: 'contact\.html' is broken: no file at \/contact\.html \(HTTP 404\)/
// The author's link inside an answer is a warning: the content, not the theme, must change.
assert log =~ /\[WARNING\] target\/site-gen\/faq\/index\.html:\d+:\d+: warning: link in authored content: '\.\.\/manual\/index\.html' is broken/
assert log.contains('verify: crawled 3 pages')
assert log.contains('site-gen verify found broken links or pages; each is listed above')
assert !(log =~ /\tat org\.example/)
return true
