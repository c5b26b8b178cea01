def log = new File(basedir, 'build.log').getText('UTF-8')

// The first check has nothing to compare with and passes; the one with the published faq.json fails.
assert log.contains('check: 0 errors, 0 warnings')
assert log.contains('BUILD SUCCESS')
assert log.contains("[ERROR] src/site-gen/content/payments.yaml:1:1: error: the published site has the page 'billing/'"
        + " (the topic \"Billing\"), and no page is there now: its questions are in this topic (links to it would"
        + " break: add 'billing/' to this topic's previousPages)")
assert log.contains("[ERROR] src/site-gen/content/payments.yaml:6:5: error: the published site has the question id"
        + " 'refund' (\"Can I get a refund?\") on billing/, and no question has it now")
assert log.contains('check: 2 errors, 0 warnings')
assert !new File(basedir, 'target/site-gen').exists() : 'check writes no site'
return true
