// Run 1 imported faq.fml into src/site-gen/content, run 2 built it, run 3 refused to import again.
def log = new File(basedir, 'build.log').getText('UTF-8')
def content = new File(basedir, 'src/site-gen/content')
def site = new File(basedir, 'target/site-gen')

// one topic file per part, and site.yaml with the FAQ's title
assert content.list().toList().sort() == ['general.yaml', 'setup.yaml', 'site.yaml']
def setup = new File(content, 'setup.yaml').getText('UTF-8')
assert setup.startsWith('# Imported from faq.fml (part "Setup") by site-gen:import-fml.\ntitle: Setup\norder: 20\n')
assert setup.contains('  - id: how-to-configure\n')
assert setup.contains('    previousIds:\n      - How_to_configure\n')
assert setup.contains('      ```\n      <plugin>\n        <artifactId>widget</artifactId>\n      </plugin>\n      ```\n')
def general = new File(content, 'general.yaml').getText('UTF-8')
assert general.contains('A *small* tool. See [how to configure it](#how-to-configure) and [the usage'
        + ' page](https://widget.example.org/docs/usage.html).') : 'a link to another page of the old site leads there'
// the old page is a previous page of the file's first topic
assert general.contains('\npreviousPages:\n  - faq.html\n') : general
assert !setup.contains('previousPages')

// the report: what could not be converted, as file:line:column, then the summary
assert log.contains('[WARNING] faq.fml:9:7: warning: markup in the question became plain text: <code>')
assert log.contains('[WARNING] faq.fml:26:32: warning: <font> is not kept (not XHTML, or not allowed by site-gen): its text is kept')
assert log.contains('[INFO] setup.yaml: "Setup", 1 question, from faq.fml part "Setup" (topic id setup: part id "Setup" is not a valid topic id)')
assert log.contains('[INFO] import-fml: 1 file, 2 parts, 2 faqs converted into 3 files (2 questions); 2 of 2 published anchors'
        + ' kept (1 as question ids, 1 through previousIds); 2 items not converted exactly')

// run 2 built the imported content, and the anchor Doxia published still leads to the question
assert log =~ /site-gen wrote \d+ pages \(2 topics, 2 questions/
// and the old page, faq.html, leads to the first topic
assert new File(site, 'faq.html').getText('UTF-8').contains('general/')
def page = new File(site, 'setup/index.html').getText('UTF-8')
assert page.contains('<summary><h2>How do I configure it?</h2></summary>\n    <span class="question-anchor" id="how-to-configure"></span>\n'
        + '    <span class="question-anchor previous-id" id="How_to_configure"></span>')
assert page.contains('<pre><code>&lt;plugin&gt;')
assert page.contains('<th>Option</th>')
assert new File(site, 'index.html').getText('UTF-8').contains('<title>Widget FAQ</title>')

// run 3 failed on the existing files and wrote nothing
assert log.contains('[ERROR] src/site-gen/content/general.yaml: error: the file exists: site-gen:import-fml never replaces a file')
assert log.contains('[ERROR] src/site-gen/content/setup.yaml: error: the file exists')
assert log.contains('site-gen found 2 errors; each is listed above as file:line:column; nothing was written')
assert log.count('BUILD FAILURE') == 1
assert new File(content, 'setup.yaml').getText('UTF-8') == setup
assert !(log =~ /(?m)^\s+at org\.example\./) : 'no stack trace of the plugin'
return true
