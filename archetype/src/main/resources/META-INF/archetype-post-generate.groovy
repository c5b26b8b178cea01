// Archetypes do not keep file modes, so the wrapper script would not be executable.
def mvnw = new File(new File(request.outputDirectory, request.artifactId), 'mvnw')
if (mvnw.isFile() && !mvnw.setExecutable(true, false)) {
    println "[WARNING] Could not make ${mvnw} executable; run it as: sh mvnw"
}
