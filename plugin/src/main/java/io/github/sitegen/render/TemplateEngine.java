package io.github.sitegen.render;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import io.github.sitegen.model.Answer;
import io.github.sitegen.model.Html;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;

/**
 * The one FreeMarker {@link Configuration} of a build, set up as the FreeMarker manual advises:
 * pinned {@code incompatible_improvements}, errors rethrown, no localized lookup, UTC, records
 * readable as properties. Templates are looked up in the user's template directory first, then in
 * the built-in theme, by identical path. {@code .ftlh} templates escape every string; {@link Html}
 * values are printed as markup.
 */
public final class TemplateEngine {

    /** Where the built-in theme lives on the class path. */
    public static final String THEME_ROOT = "/site-gen/theme";

    private final Configuration configuration;
    private final Path templateDirectory;

    /**
     * @param templateDirectory the user's templates, or {@code null} / a missing folder for the
     *                          built-in theme alone
     */
    public TemplateEngine(Path templateDirectory) throws IOException {
        this.templateDirectory = templateDirectory != null && Files.isDirectory(templateDirectory) ? templateDirectory : null;
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (this.templateDirectory != null) {
            FileTemplateLoader user = new FileTemplateLoader(this.templateDirectory.toFile());
            // A wrongly cased override must fail on macOS and Windows as it would on Linux CI.
            user.setEmulateCaseSensitiveFileSystem(true);
            loaders.add(user);
        }
        loaders.add(new ClassTemplateLoader(TemplateEngine.class, THEME_ROOT));
        MultiTemplateLoader loader = new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
        loader.setSticky(false);
        cfg.setTemplateLoader(loader);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setURLEscapingCharset("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setLocalizedLookup(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setObjectWrapper(new ModelWrapper());
        this.configuration = cfg;
    }

    /** Whether a template of that name exists, in the user's folder or the theme. */
    public boolean exists(String name) throws IOException {
        return configuration.getTemplateLoader().findTemplateSource(name) != null;
    }

    /**
     * Renders {@code name} with {@code model}.
     *
     * @throws SiteGenException when the template has an error, positioned in the template
     */
    public String render(String name, Map<String, Object> model) throws SiteGenException, IOException {
        try {
            Template template = configuration.getTemplate(name);
            StringWriter out = new StringWriter(16 * 1024);
            Environment environment = template.createProcessingEnvironment(model, out);
            try {
                environment.process();
            } catch (StackOverflowError e) {
                throw SiteGenException.of(recursion(name, environment));
            }
            return out.toString();
        } catch (TemplateNotFoundException e) {
            throw SiteGenException.of(Problem.error(source(name), 0, 0, "template '" + name + "' not found",
                    "templates are looked up in the template directory, then in the built-in theme"));
        } catch (ParseException e) {
            throw SiteGenException.of(Problem.error(source(e.getTemplateName()), e.getLineNumber(), e.getColumnNumber(),
                    "template syntax error: " + firstParagraph(e.getEditorMessage()), "see the FreeMarker manual for the syntax"));
        } catch (TemplateException e) {
            String template = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            int column = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
            throw SiteGenException.of(Problem.error(source(template), line, column,
                    "template error while rendering " + name + ": " + firstParagraph(e.getMessageWithoutStackTop()),
                    "docs/templates-and-themes.md lists every variable a template can read"));
        }
    }

    private Problem recursion(String name, Environment environment) {
        String message = "template calls itself without end (the stack overflowed while rendering " + name + ")";
        String hint = "give the recursive macro or function a condition that stops it";
        return TemplateRecursion.repeatedCall(environment)
                .map(call -> Problem.error(source(call.getTemplate().getSourceName()), call.getBeginLine(),
                        call.getBeginColumn(), message, hint))
                .orElseGet(() -> Problem.error(source(name), 0, 0, message, hint));
    }

    /** The file a template comes from: the user's file if it exists, else its name in the theme. */
    private Path source(String name) {
        if (templateDirectory != null && name != null) {
            Path user = templateDirectory.resolve(name);
            if (Files.isRegularFile(user)) {
                return user;
            }
        }
        return Path.of("built-in theme", name == null ? "?" : name);
    }

    private static String firstParagraph(String message) {
        if (message == null) {
            return "unknown error";
        }
        String first = message.split("\\R\\s*\\R|\\R----|Was expecting", 2)[0];
        // The position is already at the start of the line: drop FreeMarker's own copy of it.
        return first.replaceAll("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]", "")
                .replaceAll("\\s*==>\\s*", " ")
                .replaceAll("\\s+", " ").strip();
    }

    /**
     * Wraps the model: records are read as properties ({@code topic.title}), {@link Html} and
     * {@link Answer} are printed as markup without {@code ?no_esc}.
     */
    private static final class ModelWrapper extends DefaultObjectWrapper {

        ModelWrapper() {
            super(builder(), true);
        }

        private static DefaultObjectWrapperBuilder builder() {
            DefaultObjectWrapperBuilder builder = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35);
            builder.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
            builder.setExposeFields(false);
            return builder;
        }

        @Override
        protected TemplateModel handleUnknownType(Object object) throws TemplateModelException {
            if (object instanceof Html html) {
                return HTMLOutputFormat.INSTANCE.fromMarkup(html.markup());
            }
            if (object instanceof Answer answer) {
                return HTMLOutputFormat.INSTANCE.fromMarkup(answer.html().markup());
            }
            return super.handleUnknownType(object);
        }
    }
}
