// Content, output and base URL come only from -Dsite-gen.* user properties.
def log = new File(basedir, 'build.log').getText('UTF-8')
def site = new File(basedir, 'target/www')

assert log.contains('site-gen wrote 5 pages (2 topics, 2 questions')
// the build cache goes where -Dsite-gen.cacheDirectory says, relative to the project; empty: none
def caches = new File(basedir, 'target/cache').list().toList()
assert caches.size() == 1 && caches[0].startsWith('www-') : "one cache, for target/www: $caches"
assert !new File(basedir, 'target/site-gen-cache').exists()
assert new File(basedir, 'target/www2/index.html').isFile()
def strays = basedir.list().findAll { it ==~ /www2?-.*/ } + new File(basedir, 'target').list().findAll { it ==~ /www2?-.*/ }
assert strays == [] : "no cache folder beside the project's or the output's files: $strays"
assert log.count('gave 0 of 2 topics') == 1 : 'only the first build used a cache'

assert log.contains(site.canonicalPath) || log.contains(site.absolutePath) : 'the log names the output folder'
assert !new File(basedir, 'target/site-gen').exists() : 'nothing is written to the default output folder'
assert !new File(basedir, 'src').exists() : 'no default content folder in this project'

['index.html', 'shipping/index.html', 'returns/index.html', '404.html', '.nojekyll', 'assets/site-gen.css'].each {
    assert new File(site, it).isFile() : "target/www/$it exists"
}

def home = new File(site, 'index.html').getText('UTF-8')
def shipping = new File(site, 'shipping/index.html').getText('UTF-8')
def returns = new File(site, 'returns/index.html').getText('UTF-8')
def notFound = new File(site, '404.html').getText('UTF-8')

// canonical URLs: the base URL plus the clean path of the page
assert home.contains('<link rel="canonical" href="https://acme.github.io/faq/">')
assert shipping.contains('<link rel="canonical" href="https://acme.github.io/faq/shipping/">')
assert returns.contains('<link rel="canonical" href="https://acme.github.io/faq/returns/">')
assert shipping.contains('id="delivery-time"')
assert returns.contains('id="can-i-return-an-item"')

// no title in site.yaml (there is none): the project name is the site title
assert home.contains('<title>IT user-properties</title>')

// the 404 page is served at any depth: its links start with the base path
assert !notFound.contains('rel="canonical"')
def hrefs = (notFound =~ /href="([^"]*)"/).collect { it[1] }
assert hrefs.size() >= 5
hrefs.findAll { it != '#sg_main' }.each { href ->
    assert href.startsWith('/faq/') : "404.html link $href starts with /faq/"
}
assert hrefs.contains('/faq/index.html')
assert hrefs.contains('/faq/assets/site-gen.css')
assert hrefs.contains('/faq/shipping/index.html')
assert hrefs.contains('/faq/returns/index.html')

// ordinary pages keep relative links
assert shipping.contains('href="../assets/site-gen.css"')
return true
