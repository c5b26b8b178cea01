// site-gen:eject copied the built-in theme's stable templates into src/site-gen/templates without
// replacing the project's own index.ftlh, copied an internal template only when it was named, said
// which files are stable and which internal, and refused a name the theme does not have.
def log = new File(basedir, 'build.log').getText('UTF-8')
def templates = new File(basedir, 'src/site-gen/templates')

def files = []
templates.eachFileRecurse(groovy.io.FileType.FILES) { files << templates.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
assert files.containsAll(['404.ftlh', 'assets/site-gen.css', 'footer-extra.ftlh', 'head-extra.ftlh', 'header-extra.ftlh',
        'index.ftlh', 'layout.ftlh', 'topic.ftlh'])
assert !files.contains('assets/favicon.svg') && !files.contains('assets/site-gen.js') && !files.contains('languages.ftlh') :
        'internal files are copied only by name: ' + files
assert !files.contains('theme.properties') && !files.any { it.startsWith('messages/') } : 'only templates and assets are copied'
assert new File(templates, 'index.ftlh').getText('UTF-8').contains('Our own home page') : 'the existing file was kept'
assert new File(templates, 'topic.ftlh').getText('UTF-8').contains('<#list topic.questions as q>')

// run 1: only the two named files
assert log.contains('[INFO] copied topic.ftlh (stable: meant to be changed)')
assert log.contains('[INFO] copied assets/site-gen.css (stable: meant to be changed)')
assert log.contains('[INFO] eject: copied 2 files to ')
// run 2: the stable files; the three that exist are kept, the internal ones are not copied
assert log.contains('[INFO] kept index.ftlh: ')
assert log.contains('[INFO] kept topic.ftlh: ')
assert log.contains('[INFO] copied header-extra.ftlh (stable: meant to be changed)')
assert log.contains('[INFO] Meant to be overridden (stable): 404.ftlh, all-topic.ftlh, all.ftlh, footer-extra.ftlh, head-extra.ftlh, header-extra.ftlh, index.ftlh, topic.ftlh, assets/site-gen.css')
def internal = log.readLines().find { it.startsWith('[INFO] Internal, may change between versions: ') }
assert internal != null && internal.contains('layout.ftlh') && internal.contains('assets/favicon.svg')
assert !internal.contains('topic.ftlh') && !internal.contains('site-gen.css')
assert log.contains('[INFO] eject: copied 6 files to ') && log.contains(', kept 3 files that existed')
assert log.contains('[INFO] Internal files are copied only by name, one by one, such as -Dsite-gen.templates=')
// run 3: an internal file, named, with its warning
assert log.contains('[INFO] copied layout.ftlh (internal: it may change in any version, and your copy will not follow)')
// run 4: an unknown name lists the available ones
assert log.contains("[ERROR] error: site-gen.templates: 'page.ftlh' is not a file of the built-in theme (available: 404.ftlh, all-topic.ftlh, all.ftlh, footer-extra.ftlh, head-extra.ftlh, ")
assert log.contains('assets/favicon.svg, assets/site-gen-feedback.js, assets/site-gen-links.js, assets/site-gen-search.js, assets/site-gen.css')
assert log.count('BUILD FAILURE') == 1
// run 5: the site builds with the ejected templates and the project's own home page
def site = new File(basedir, 'target/site-gen')
assert new File(site, 'index.html').getText('UTF-8').contains('<h1>Our own home page</h1>')
assert new File(site, 'faq/index.html').getText('UTF-8').contains('<span class="question-anchor" id="ejected"></span>')
return true
