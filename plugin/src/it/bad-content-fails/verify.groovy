// Every problem of every file is reported as path:line:column, relative to the project, and the
// build fails without a stack trace and without writing anything.
def log = new File(basedir, 'build.log').getText('UTF-8')

// the fixture must keep its tab (an editor that converts tabs would make this test pointless)
assert new File(basedir, 'src/site-gen/content/broken.yaml').readLines('UTF-8')[2].startsWith('\t- question:')
def errors = log.readLines().findAll { it.startsWith('[ERROR] src/site-gen/content/') }

def expected = [
    // alpha.yaml: line 1 is a comment, so the topic's mapping starts at 2:1
    "src/site-gen/content/alpha.yaml:2:1: error: the topic has no 'title'",
    // the misspelt key itself, at its column inside the list item
    "src/site-gen/content/alpha.yaml:9:5: error: unknown key 'anwser' in question 2 (did you mean 'answer'?)",
    // ... which leaves question 2 (starting at 7:5) without an answer
    "src/site-gen/content/alpha.yaml:7:5: error: question 2 has no 'answer'",
    // the id value of the second question that uses it
    "src/site-gen/content/alpha.yaml:14:9: error: question id 'good-question' is already used at alpha.yaml:4",
    // the list item, inside the [ ] flow list
    "src/site-gen/content/alpha.yaml:13:15: error: related question 'good-questoin' does not exist (did you mean 'good-question'?)",
    // broken.yaml: a tab at the start of line 3
    "src/site-gen/content/broken.yaml:3:1: error: a tab is used for indentation on this line",
]
expected.each { prefix ->
    assert errors.any { it.startsWith('[ERROR] ' + prefix) } : "build.log reports: $prefix\nerrors were:\n${errors.join('\n')}"
}
assert errors.size() == expected.size() : "exactly the expected errors:\n${errors.join('\n')}"
assert errors.find { it.contains('broken.yaml:3:1') }.contains('YAML indents with spaces only: replace the tab with spaces')

assert log.contains('site-gen found 6 errors; each is listed above as file:line:column')
assert log.contains('BUILD FAILURE')

// a content error is the user's problem: a message, not a Java stack trace
assert !(log =~ /(?m)^\s+at org\.example\./) : 'no stack trace of the plugin'
assert !log.contains('SiteGenException') && !log.contains('NullPointerException')

// nothing written, nothing left behind
assert !new File(basedir, 'target/site-gen').exists() : 'target/site-gen was not created'
def target = new File(basedir, 'target')
assert !target.exists() || target.list().findAll { it.contains('staging') } == []
return true
