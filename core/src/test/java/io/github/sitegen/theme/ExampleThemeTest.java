package io.github.sitegen.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.sitegen.eject.TemplateEjector;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.render.Messages;
import org.junit.jupiter.api.Test;

/**
 * The example theme, site-gen-theme-harbor (../themes/harbor), as the plugin finds it on its class
 * path: usable, made only with the extension points, and translated into every language site-gen
 * ships. The example-theme integration test builds, validates and screenshots a site with it.
 */
class ExampleThemeTest {

    /** The templates the built-in layout includes for themes and users to fill (docs/templates-and-themes.md). */
    private static final Set<String> HOOKS = Set.of("head-extra.ftlh", "header-extra.ftlh", "footer-extra.ftlh");

    private static Theme harbor(List<Problem> problems) throws Exception {
        return Theme.resolve(null, "harbor", ExampleThemeTest.class.getClassLoader(), problems::add);
    }

    @Test
    void theExampleThemeIsOnTheClassPathAndUsableWithoutAWarning() throws Exception {
        List<Problem> problems = new ArrayList<>();
        Theme theme = harbor(problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of("theme 'harbor'", "the built-in theme"), theme.layers().stream().map(Layer::label).toList());
        assertEquals(String.valueOf(Theme.MODEL), theme.layers().get(0).properties().value("model"));
    }

    @Test
    void itChangesTheLookOnlyThroughTheHooksAssetsAndInterfaceStrings() throws Exception {
        List<String> others = harbor(new ArrayList<>()).layers().get(0).files().keySet().stream()
                .filter(path -> !HOOKS.contains(path) && !path.equals("theme.properties") && !path.startsWith("assets/") && !path.startsWith("messages/"))
                .toList();
        assertEquals(List.of(), others, "no copy of a built-in template");
    }

    @Test
    void everyHookOfTheExampleThemeAndTheBuiltInThemeIsStableAsTheDocsSay() throws Exception {
        List<String> notStable = new ArrayList<>();
        for (Theme theme : List.of(harbor(new ArrayList<>()), Theme.builtIn())) {
            for (TemplateEjector.ThemeFile file : TemplateEjector.themeFiles(theme)) {
                if (HOOKS.contains(file.name()) && !file.stable()) {
                    notStable.add(file.layer().label() + ": " + file.name());
                }
            }
        }
        assertEquals(List.of(), notStable, "the hooks are meant to be copied and changed (docs/templates-and-themes.md)");
    }

    @Test
    void itTranslatesItsOwnStringsIntoEveryLanguageSiteGenShips() throws Exception {
        Theme theme = harbor(new ArrayList<>());
        Map<String, Set<String>> missing = new TreeMap<>();
        for (String language : Theme.builtIn().layers().get(0).messages().keySet()) {
            Set<String> keys = Messages.load(theme, language, Map.of()).missing();
            if (!keys.isEmpty()) {
                missing.put(language, keys);
            }
        }
        assertEquals(Map.of(), missing);
        assertTrue(Messages.keys(theme).contains("harbor.credit"));
    }
}
