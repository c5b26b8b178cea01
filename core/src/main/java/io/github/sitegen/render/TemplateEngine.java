package io.github.sitegen.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

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
import io.github.sitegen.theme.Source;
import io.github.sitegen.theme.Theme;

/**
 * The one FreeMarker {@link Configuration} of a build, set up as the FreeMarker manual advises:
 * pinned {@code incompatible_improvements}, errors rethrown, no localized lookup, UTC, records
 * readable as properties, nothing but the data model callable ({@link ModelAccessPolicy}). Templates are looked up in the {@link Theme}'s layers (the user's template
 * folder, the chosen theme and the ones it extends, the built-in theme) by identical path, with
 * the case as written on every operating system. {@code .ftlh} templates escape every string;
 * {@link Html} values are printed as markup.
 */
public final class TemplateEngine {

    private final Configuration configuration;
    private final Theme theme;

    public TemplateEngine(Theme theme) {
        this.theme = theme;
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
        cfg.setTemplateLoader(new ThemeLoader(theme));
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
        // A failure inside <#attempt> is the theme's to handle (its <#recover> runs): not logged.
        cfg.setAttemptExceptionReporter((exception, environment) -> { });
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setObjectWrapper(new ModelWrapper());
        this.configuration = cfg;
    }

    /** Whether a template of that name exists, in the user's folder or the themes. */
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
                    "templates are looked up in the template folder, then in " + theme.describe()));
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
        String hint = "give the recursive macro, function or #include a condition that stops it";
        return TemplateRecursion.repeatedCall(environment)
                .map(call -> Problem.error(source(call.getTemplate().getSourceName()), call.getBeginLine(),
                        call.getBeginColumn(), message, hint))
                .orElseGet(() -> Problem.error(source(name), 0, 0, message, hint));
    }

    /** The file a template comes from: the user's file, or a theme's, as problems name it. */
    private Path source(String name) {
        return name == null ? Path.of("?") : theme.find(name).map(Source::shownAs).orElse(Path.of(name));
    }

    /** Templates from the theme's layers; a source is a {@link Source}, read whole. */
    private record ThemeLoader(Theme theme) implements TemplateLoader {
        @Override
        public Object findTemplateSource(String name) {
            return theme.find(name).orElse(null);
        }

        @Override
        public long getLastModified(Object source) {
            return -1; // a build reads its templates once
        }

        @Override
        public Reader getReader(Object source, String encoding) throws IOException {
            return new InputStreamReader(new ByteArrayInputStream(((Source) source).read()), encoding);
        }

        @Override
        public void closeTemplateSource(Object source) {
            // nothing is held open
        }
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
            builder.setMemberAccessPolicy(ModelAccessPolicy.INSTANCE);
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
