def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('[WARNING] src/site-gen/content/a.yaml:6:5: warning: \'Billing details\' does not read as a question')
assert log.contains('[WARNING] src/site-gen/content/a.yaml:7:13: warning: the answer is one word')
assert log.contains('[WARNING] src/site-gen/content/b.yaml:4:5: warning: the same question as a.yaml:4')
assert log.contains('check: 0 errors, ')
// the first run passes, the strict one fails on the same warnings
assert log.indexOf('BUILD SUCCESS') >= 0
assert log.contains('site-gen check found warnings, and site-gen.strict is set')
assert !new File(basedir, 'target/site-gen').exists() : 'check writes no site'
return true
