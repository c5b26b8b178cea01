// Template errors name the user's template file, line and column, relative to the project.
def log = new File(basedir, 'build.log').getText('UTF-8')

// run 1: ${nosuchvar.x} on line 4; the expression starts at column 21
def rendering = log.readLines().find { it.startsWith('[ERROR] src/site-gen/templates/index.ftlh:') }
assert rendering != null : 'the failing template is named'
assert rendering.startsWith('[ERROR] src/site-gen/templates/index.ftlh:4:21: error: template error while rendering index.ftlh: ')
assert rendering.contains('nosuchvar')

// run 2: a parse error, at the '}' that ends the unfinished expression on line 4
def parsing = log.readLines().find { it.startsWith('[ERROR] syntax-error-templates/topic.ftlh:') }
assert parsing != null
assert parsing.startsWith('[ERROR] syntax-error-templates/topic.ftlh:4:21: error: template syntax error: Encountered "}"')

assert log.count('BUILD FAILURE') == 2
assert log.count('site-gen found 1 error;') == 2
assert !log.contains('built-in theme/') : 'the error is not blamed on the built-in theme'
assert !(log =~ /(?m)^\s+at (org\.example|freemarker)\./) : 'no stack trace'
assert !new File(basedir, 'target/site-gen').exists()
def target = new File(basedir, 'target')
assert !target.exists() || target.list().findAll { it.startsWith('.site-gen-') } == []
return true
