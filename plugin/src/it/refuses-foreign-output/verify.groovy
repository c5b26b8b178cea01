// docs/ holds files site-gen did not write: the build fails, names them, and leaves them alone.
def log = new File(basedir, 'build.log').getText('UTF-8')
def docs = new File(basedir, 'docs')

assert log.contains('[ERROR] docs: error: the output directory holds files site-gen did not write: CNAME, notes.txt')
assert log.contains('site-gen never deletes files it did not write')
assert log.contains('site-gen found 1 error')
assert !log.contains('site-gen wrote')
assert !(log =~ /(?m)^\s+at org\.example\./) : 'no stack trace of the plugin'

// the user's files are untouched, and nothing was added next to them
assert new File(docs, 'notes.txt').getText('UTF-8') == 'My own notes. site-gen must not delete them.\n'
assert new File(docs, 'CNAME').getText('UTF-8') == 'faq.example.com\n'
assert docs.list().toList().sort() == ['CNAME', 'notes.txt'] : "docs/ holds ${docs.list()}"

// no staging folder was started beside it
assert basedir.list().findAll { it.startsWith('.docs-') } == []
assert !new File(basedir, 'target/site-gen').exists()
return true
