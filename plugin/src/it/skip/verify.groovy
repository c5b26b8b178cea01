// site-gen.skip=true: the goal says so and writes nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Skipping site-gen because site-gen.skip = true')
assert !log.contains('site-gen wrote')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/site-gen').exists()
def target = new File(basedir, 'target')
assert !target.exists() || target.list().length == 0 : "nothing written to target/: ${target.list()}"
return true
