// The project that archetype:integration-test generated from the archetype and built with goal.txt:
// check in strict mode, package (generate), verify.
// archetype:integration-test binds basedir (this folder) and context.projectDir (the generated project).
File dir = context.projectDir

['pom.xml', 'README.md', 'mvnw', 'mvnw.cmd', '.gitignore', '.gitattributes',
 '.mvn/wrapper/maven-wrapper.properties', '.mvn/jvm.config',
 '.github/workflows/pages.yml', '.github/workflows/pull-request.yml',
 '.vscode/settings.json', '.vscode/site-gen/site.schema.json', '.vscode/site-gen/topic.schema.json',
 'src/site-gen/content/site.yaml', 'src/site-gen/content/editing.yaml',
 'src/site-gen/content/publishing.yaml'].each {
    assert new File(dir, it).isFile() : "not generated: $it"
}

assert new File(dir, 'mvnw').canExecute() : 'mvnw is not executable'
assert new File(dir, '.gitignore').text.contains('target/')
assert new File(dir, '.mvn/jvm.config').text.trim() == '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'
assert new File(dir, '.mvn/wrapper/maven-wrapper.properties').text.contains('apache-maven-3.9.16-bin.zip')

// The pom declares the plugin at the archetype's own version, not an unfiltered token.
// archetypeVersion: filtered in from the archetype's pom (testResources).
String archetypeVersion = '@project.version@'
String pom = new File(dir, 'pom.xml').text
assert pom.contains('<version>' + archetypeVersion + '</version>') : 'plugin version is not ' + archetypeVersion
assert !pom.contains('project.version')
assert pom.contains('<artifactId>my-faq</artifactId>')
assert pom.contains('<name>my-faq FAQ</name>')

// Velocity left the schema modeline, the workflows' ${{ }} and the schemas' $ keys alone.
String site = new File(dir, 'src/site-gen/content/site.yaml').text
assert site.startsWith('# yaml-language-server: $schema=../../../.vscode/site-gen/site.schema.json')
assert site.contains("title: 'my-faq FAQ'")
assert new File(dir, '.github/workflows/pages.yml').text.contains('${{ steps.pages.outputs.base_url }}')
// The pull-request workflow compares with the published site's faq.json, when it has one.
String pullRequest = new File(dir, '.github/workflows/pull-request.yml').text
assert pullRequest.contains('site-gen:check -Dsite-gen.strict=true -Dsite-gen.baseline="$SITE_GEN_BASELINE"')
assert pullRequest.contains('"${url%/}/faq.json"')
// The build cache: main's workflow restores and saves it, keyed by plugin version and JDK; the
// pull-request workflow only restores it, so a pull request cannot poison main's cache.
def pagesYml = new File(dir, '.github/workflows/pages.yml').text
def pullRequestYml = new File(dir, '.github/workflows/pull-request.yml').text
def restoreAndSave = 'uses: actions/cache@v5\n        with:\n          path: target/site-gen-cache\n'
assert pagesYml.contains(restoreAndSave)
assert pagesYml.contains('key: site-gen-cache-${{ runner.os }}-java${{ steps.java.outputs.version }}-${{ hashFiles(\'pom.xml\') }}-${{ github.run_id }}')
assert pullRequestYml.contains('uses: actions/cache/restore@v5\n        with:\n          path: target/site-gen-cache\n')
assert !pullRequestYml.contains(restoreAndSave) && !pullRequestYml.contains('actions/cache/save') : 'the pull-request workflow never saves the build cache'

assert new File(dir, '.vscode/site-gen/topic.schema.json').text.contains('"$schema"')
assert new File(dir, 'README.md').text.startsWith('# my-faq FAQ\n')
assert new File(dir, 'README.md').text.contains('\n## Publish on GitHub Pages\n')

String log = new File(dir, 'build.log').text
assert log.contains('check: 0 errors, 0 warnings') : 'check in strict mode found something'
assert log.contains('site-gen wrote')
assert log.contains('verify: crawled')
assert log.contains('BUILD SUCCESS')

File index = new File(dir, 'target/site-gen/index.html')
assert index.isFile() : "missing $index"
String html = index.getText('UTF-8')
assert html.contains('my-faq FAQ') : 'the home page does not show the sample title'
assert new File(dir, 'target/site-gen/editing/index.html').getText('UTF-8').contains('How do I change a question or its answer?')
assert new File(dir, 'target/site-gen/publishing/index.html').isFile()
return true
