// Run 1 wrote a site; runs 2 (bad content) and 3 (template error while rendering) failed.
// The site of run 1 must still be there, whole, and no staging folder may be left behind.
def log = new File(basedir, 'build.log').getText('UTF-8')
def target = new File(basedir, 'target')
def site = new File(target, 'site-gen')

// build.log holds the three invocations one after the other
def wrote = log.indexOf('site-gen wrote 4 pages (')
def contentError = log.indexOf("[ERROR] broken/orders.yaml:3:5: error: question 1 has no 'answer'")
def templateError = log.indexOf('[ERROR] broken-templates/topic.ftlh:2:6: error: template error while rendering topic.ftlh')
assert wrote >= 0 : 'run 1 wrote the site'
assert contentError > wrote : 'run 2 failed on the content'
assert templateError > contentError : 'run 3 failed on the template, at its line and column'
assert log.count('site-gen wrote') == 1 : 'only run 1 wrote a site'
assert log.count('BUILD FAILURE') == 2

['index.html', 'orders/index.html', '404.html', '.nojekyll', 'assets/site-gen.css', 'assets/favicon.svg'].each {
    assert new File(site, it).isFile() : "target/site-gen/$it from the first build is still there"
}
def orders = new File(site, 'orders/index.html').getText('UTF-8')
assert orders.contains('Orders from the first build')
assert orders.contains('id="track-order"')
assert orders.contains('Use the tracking link in your confirmation email.')
assert !orders.contains('Orders from the broken build')
assert new File(site, 'index.html').getText('UTF-8').contains('Orders from the first build')

// .nojekyll still lists what the first build wrote, so a later good build may replace it
def marker = new File(site, '.nojekyll').readLines('UTF-8')
assert marker[0].startsWith('site-gen: ')
assert marker.contains('orders/index.html')

// no staging (or old-site) folder left beside the output
def leftovers = target.list().findAll { it.startsWith('.site-gen-') }
assert leftovers == [] : "left behind in target/: $leftovers"
assert target.list().toList().sort() == ['.site-gen.lock', 'site-gen', 'site-gen-cache'] : "target/ holds only the site, the lock builds of it take turns by, and its build cache: ${target.list()}"
// the failed builds left the build cache as the good build left it: no build marked as running
def caches = new File(target, 'site-gen-cache').listFiles()
assert caches.length == 1 && !new File(caches[0], 'building').exists() : "cache: ${caches*.list()}"
return true
