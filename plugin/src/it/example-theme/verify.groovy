// A user's project that only declares the plugin, with the example theme (site-gen-theme-harbor)
// as the plugin's dependency, chosen with -Dsite-gen.theme=harbor. The site has the theme's look,
// is valid HTML (Nu HTML Checker), has no axe-core violations in either colour scheme, and its
// light and dark screenshots (target/screenshots/) show the theme's colours.
import io.github.sitegen.SiteCheck
import io.github.sitegen.browser.BrowserCheck

def log = new File(basedir, 'build.log').getText('UTF-8')
def site = new File(basedir, 'target/site-gen')
def text = { String path -> new File(site, path).getText('UTF-8') }

// run 1: check accepted the theme's own interface string in site.yaml; generate and verify passed
assert log.contains('check: 0 errors')
assert log.contains('site-gen wrote 5 pages (2 topics, 4 questions')
assert log.contains('verify: ')
def themeCss = text('assets/extra.css')
assert themeCss.startsWith('/* Harbor, a theme for site-gen.')
assert new File(site, 'assets/harbor-mark.svg').getText('UTF-8').contains('<svg')
assert text('assets/site-gen.css').contains('site-gen built-in theme') : 'the built-in style sheet is still there'
def home = text('index.html')
assert home.contains('<link rel="stylesheet" href="assets/extra.css">')
assert home.contains('<meta name="theme-color" content="#0b2545" media="(prefers-color-scheme: light)">') : 'head-extra.ftlh'
assert home.contains('<p class="harbor-credit">Acme help, in the Harbor theme</p>') : 'footer-extra.ftlh, with site.yaml\'s string'
assert home.contains('placeholder="What are you looking for?"') : 'the theme\'s English wording'
assert home.contains('<ul class="topic-index">') : 'the built-in home page'
assert text('billing/index.html').contains('<link rel="stylesheet" href="../assets/extra.css">')

// run 2: the unknown theme is named with the ones there are, and the site of run 1 is kept
assert log.contains("site-gen.theme: there is no theme 'harbour' on the plugin's class path (themes found: harbor)")
assert log.count('BUILD FAILURE') == 1

// run 3: eject took the theme's style sheet, and said where it came from
assert new File(basedir, 'target/ejected/assets/extra.css').getText('UTF-8') == themeCss
assert log.contains("[INFO] copied assets/extra.css from theme 'harbor' (stable: meant to be changed)")

SiteCheck.assertValidHtml(site.toPath())

if (!BrowserCheck.available()) {
    println 'Chromium is not installed: the browser checks of the example theme are skipped'
    return true
}
def screenshots = new File(basedir, 'target/screenshots').toPath()
def browser = BrowserCheck.serve(site.toPath(), '/acme-help/')
try {
    def violations = []
    for (scheme in ['light', 'dark']) {
        browser.colourScheme(scheme)
        for (page in ['index.html', 'billing/index.html', 'no/such/page.html']) {
            browser.open(page)
            if (page.startsWith('billing')) {
                browser.click('[data-expand-all]')
            }
            browser.axeViolations().each { violations << "${scheme} ${page}: ${it}" }
        }
    }
    assert violations.isEmpty() : violations.join('\n')
    def errors = browser.consoleErrors()
    assert errors.every { it.contains('no/such/page.html') && it.contains('404') } : "only the missing page's status: ${errors}"

    // light: the theme's colours, as computed styles, and its mark beside the title
    browser.colourScheme('light')
    browser.open('index.html')
    assert browser.style('.site-header', null, 'background-color') == 'rgb(11, 37, 69)'
    assert browser.style('body', null, 'background-color') == 'rgb(251, 250, 247)'
    assert browser.style('.site-title', null, 'color') == 'rgb(255, 255, 255)'
    assert browser.style('.site-header', null, 'border-bottom-color') == 'rgb(15, 118, 110)'
    assert browser.style('.site-title', '::before', 'background-image').contains('/acme-help/assets/harbor-mark.svg')
    assert browser.script('var done = arguments[arguments.length - 1];'
            + ' fetch("assets/harbor-mark.svg").then(function (r) { done(r.status); }, function () { done(0); });') == 200
    // the header's layout: the search on a row of its own, below the title, across the header
    def title = browser.box('.site-title')
    def search = browser.box('.search')
    def row = browser.box('.header-row')
    assert search.y >= title.y + title.height : "the search is below the title: ${search} ${title}"
    assert search.width >= row.width * 0.95 : "the search spans the header: ${search} ${row}"
    def light = browser.screenshot(screenshots.resolve('home-light.png'))

    // dark: the theme's dark colours
    browser.colourScheme('dark')
    browser.open('index.html')
    assert browser.style('.site-header', null, 'background-color') == 'rgb(6, 17, 31)'
    assert browser.style('body', null, 'background-color') == 'rgb(13, 27, 42)'
    assert browser.style('.topic-card h2 a', null, 'color') == 'rgb(94, 234, 212)'
    def dark = browser.screenshot(screenshots.resolve('home-dark.png'))
    assert !Arrays.equals(light, dark) : 'the light and dark screenshots differ'

    // on a small phone the header stays one row: the title on one line, the search and menu beside it
    browser.screen(375, 667)
    browser.open('account/index.html')
    def phoneTitle = browser.box('.site-title')
    def phoneSearch = browser.box('.search')
    def phoneRow = browser.box('.header-row')
    assert phoneRow.height <= 84 : "one header row on a phone: ${phoneRow}"
    assert phoneTitle.height <= 48 : "the title on one line beside the mark: ${phoneTitle}"
    assert phoneSearch.y < phoneTitle.y + phoneTitle.height : "the search is beside the title: ${phoneSearch} ${phoneTitle}"
    assert browser.script('arguments[arguments.length - 1](document.documentElement.scrollWidth'
            + ' <= document.documentElement.clientWidth);') : 'nothing scrolls sideways on a phone'
    browser.screenshot(screenshots.resolve('topic-phone-dark.png'))
    browser.screen(1280, 800)
    browser.open('index.html')

    // the colour scheme button chooses light over the system's dark, with the theme's light colours
    browser.click('.theme-toggle')
    assert browser.style('.site-header', null, 'background-color') == 'rgb(11, 37, 69)'
    assert browser.consoleErrors().isEmpty()
} finally {
    browser.close()
}
return true
