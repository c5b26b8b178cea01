// topic.ftlh and assets/site-gen.css come from src/site-gen/templates; everything else from the theme.
def log = new File(basedir, 'build.log').getText('UTF-8')
def site = new File(basedir, 'target/site-gen')
assert log.contains('site-gen wrote 4 pages (')

def topic = new File(site, 'tips/index.html').getText('UTF-8')
def home = new File(site, 'index.html').getText('UTF-8')

// the custom topic template, escaping as .ftlh does, with links from url()
assert topic.contains('<p class="custom-topic">CUSTOM TOPIC Tips &amp; tricks</p>')
assert topic.contains('<a class="custom-home" href="../index.html">Back home</a>')
assert topic.contains('<h2 id="shortcut"><a href="#shortcut">Is there a keyboard shortcut?</a></h2>')
assert topic.contains('<div class="custom-answer"><p>Press <strong>Ctrl+K</strong>.</p>')
assert !topic.contains('class="question-head"') : 'the built-in topic body is not used'
// ... inside the built-in frame, which the custom template imports
assert topic.contains('<link rel="stylesheet" href="../assets/site-gen.css">')
assert topic.contains('<header class="site-header">')

// the home page still comes from the built-in theme
assert home.contains('<ul class="topic-index">')
assert home.contains('<a href="tips/index.html#shortcut">Is there a keyboard shortcut?</a>')
assert !home.contains('CUSTOM TOPIC')
assert new File(site, '404.html').getText('UTF-8').contains('<h1>Page not found</h1>')

// the stylesheet is the project's, byte for byte; other theme assets stay; extra assets are added
def css = new File(site, 'assets/site-gen.css')
assert css.bytes == new File(basedir, 'src/site-gen/templates/assets/site-gen.css').bytes
assert css.getText('UTF-8').contains('rebeccapurple')
assert new File(site, 'assets/favicon.svg').getText('UTF-8').contains('<svg')
assert new File(site, 'assets/extra.js').getText('UTF-8') == 'console.log("extra asset");\n'

// templates are not published as files
assert !new File(site, 'topic.ftlh').exists()
return true
