// site-gen:help describes the generate goal and the user property of each parameter.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert log.contains('site-gen:generate')
assert log.contains('Renders the FAQ content into a static site')
['contentDirectory', 'templateDirectory', 'staticDirectory', 'outputDirectory', 'baseUrl', 'trustRawHtml', 'skip'].each {
    assert log.contains("User property: site-gen.$it") : "help lists the user property site-gen.$it"
}
assert log.contains('contentDirectory (Default: ${project.basedir}/src/site-gen/content)')
assert log.contains('outputDirectory (Default: ${project.build.directory}/site-gen)')
// only the generate goal was asked for
assert !(log =~ /(?m)^site-gen:help\s*$/)
return true
