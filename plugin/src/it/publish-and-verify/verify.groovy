def log = new File(basedir, 'build.log').getText('UTF-8')
def site = new File(basedir, 'target/site-gen')

assert log.contains('site-gen wrote 5 pages (2 topics, 2 questions')
assert log.contains('robots.txt is written, but crawlers read it only at the root of a host, not under /handbook/')
assert log.contains('verify: crawled 4 pages, checked ')
assert log.contains('3 sitemap entries, 404 page checked at depth: 0 errors, 0 warnings')

def sitemap = new File(site, 'sitemap.xml').getText('UTF-8')
assert sitemap.contains('<loc>https://acme.github.io/handbook/</loc>')
assert sitemap.contains('<loc>https://acme.github.io/handbook/travel/</loc>')
assert new File(site, 'robots.txt').getText('UTF-8').contains('Sitemap: https://acme.github.io/handbook/sitemap.xml')

def faq = new groovy.json.JsonSlurper().parse(new File(site, 'faq.json'))
assert faq.site.url == 'https://acme.github.io/handbook/'
assert faq.topics*.id == ['expenses', 'travel']
assert faq.topics[1].questions[0].url == 'https://acme.github.io/handbook/travel/#book-trip'

def travel = new File(site, 'travel/index.html').getText('UTF-8')
assert travel.contains('<link rel="canonical" href="https://acme.github.io/handbook/travel/">')
assert travel.contains('<meta property="og:url" content="https://acme.github.io/handbook/travel/">')
assert travel.contains('<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage"')
assert !new File(site, 'CNAME').exists()
return true
