// The default layout (src/site-gen/content), the goal called by its prefix, no configuration.
def site = new File(basedir, 'target/site-gen')
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('site-gen wrote') : 'the build reports what it wrote'
assert log.contains('site-gen wrote 5 pages (2 topics, 4 questions')

['index.html', 'accounts/index.html', 'billing/index.html', '404.html', '.nojekyll',
 'assets/site-gen.css', 'assets/favicon.svg'].each { path ->
    assert new File(site, path).isFile() : "target/site-gen/$path exists"
}

def home = new File(site, 'index.html').getText('UTF-8')
def accounts = new File(site, 'accounts/index.html').getText('UTF-8')
def billing = new File(site, 'billing/index.html').getText('UTF-8')
def notFound = new File(site, '404.html').getText('UTF-8')

// site.yaml is used
assert home.contains('<html lang="en" dir="ltr">')
assert home.contains('<title>Acme help centre</title>')
assert home.contains('<meta name="description" content="Answers about Acme accounts and billing.">')
assert home.contains('<strong>Acme</strong>') : 'the introduction is rendered as Markdown'

// every question has its anchor on its topic page; explicit ids are kept, the other one is derived
['create-account', 'how-do-i-reset-my-password'].each { id ->
    assert accounts.contains("id=\"$id\"") : "accounts/index.html has id=\"$id\""
}
['bold-question', 'invoices'].each { id ->
    assert billing.contains("id=\"$id\"") : "billing/index.html has id=\"$id\""
}

// the home page links every topic and question relatively
assert home.contains('href="accounts/index.html"')
assert home.contains('href="billing/index.html#invoices"')
assert home.contains('href="accounts/index.html#how-do-i-reset-my-password"')

// related questions link across topics, relative to the topic page
assert accounts.contains('href="#how-do-i-reset-my-password"') : 'a related question on the same page is a fragment link'
assert billing.contains('href="../accounts/index.html#create-account"')
assert accounts.contains('href="../assets/site-gen.css"')

// Markdown answers are rendered; the question text is escaped, never markup
assert accounts.contains('<em>sign-up</em>')
assert billing.contains('<strong>Settings &gt; Billing</strong>')
assert billing.contains('Why is &lt;b&gt;this&lt;/b&gt; not bold?')
assert !billing.contains('<b>this</b>')
assert !home.contains('<b>this</b>')

// without a base URL: no canonical link, and the 404 page links from the root
assert !accounts.contains('rel="canonical"')
assert notFound.contains('href="/index.html"')
assert notFound.contains('href="/accounts/index.html"')

// .nojekyll lists what site-gen wrote, so the next build may replace it
def marker = new File(site, '.nojekyll').readLines('UTF-8')
assert marker[0].startsWith('site-gen: ')
assert marker.containsAll(['index.html', 'accounts/index.html', 'billing/index.html', '404.html', 'assets/site-gen.css'])

// no staging folder is left beside the output
assert new File(basedir, 'target').list().findAll { it.startsWith('.site-gen-') } == []
return true
