package io.github.sitegen.fml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.events.EntityDeclaration;

/**
 * The references to the general entities an XML file declares in its DOCTYPE, in the order they
 * appear after it (not inside comments or CDATA sections), with what each expands to. The XML
 * parser tells neither: it drops a reference to an external entity ({@code SYSTEM "file:..."})
 * without an event, and places an expansion beyond its limit inside the entity's declaration.
 */
final class EntityUses {

    private static final Pattern REFERENCE_OR_SKIPPED = Pattern.compile(
            "<!--.*?-->|<!\\[CDATA\\[.*?]]>|&([A-Za-z_:][-A-Za-z0-9._:]*);", Pattern.DOTALL);

    /** A reference to a declared entity at {@code offset} of the parsed text. */
    record Use(EntityDeclaration entity, int offset) {
        boolean external() {
            return entity.getSystemId() != null || entity.getPublicId() != null;
        }
    }

    private final Map<String, EntityDeclaration> declared = new HashMap<>();
    private final List<Use> uses = new ArrayList<>();
    private final Map<String, Long> expanded = new HashMap<>();

    /** The uses in {@code text} from {@code from} (the end of the DOCTYPE) of the {@code entities} declared there. */
    EntityUses(List<EntityDeclaration> entities, String text, int from) {
        entities.forEach(entity -> declared.putIfAbsent(entity.getName(), entity));
        Matcher matcher = REFERENCE_OR_SKIPPED.matcher(text);
        matcher.region(Math.max(0, Math.min(from, text.length())), text.length());
        while (matcher.find()) {
            EntityDeclaration entity = matcher.group(1) == null ? null : declared.get(matcher.group(1));
            if (entity != null) {
                uses.add(new Use(entity, matcher.start()));
            }
        }
    }

    /** The references to external entities, which the parser leaves out. */
    List<Use> external() {
        return uses.stream().filter(Use::external).toList();
    }

    /**
     * The reference at which the text the entities expand to, counted from the first reference on,
     * goes beyond {@code limit}; else the first reference to the entity that expands the most.
     */
    Optional<Use> beyond(long limit) {
        long total = 0;
        Use largest = null;
        for (Use use : uses) {
            long size = expandedLength(use.entity().getName(), limit, new HashSet<>());
            total += size;
            if (total > limit) {
                return Optional.of(use);
            }
            if (largest == null || size > expandedLength(largest.entity().getName(), limit, new HashSet<>())) {
                largest = use;
            }
        }
        return Optional.ofNullable(largest);
    }

    /** How many characters entity {@code name} expands to, nested references included, counted up to just past {@code limit}. */
    private long expandedLength(String name, long limit, Set<String> open) {
        Long known = expanded.get(name);
        if (known != null) {
            return known;
        }
        EntityDeclaration entity = declared.get(name);
        String replacement = entity == null || entity.getReplacementText() == null ? "" : entity.getReplacementText();
        if (!open.add(name)) {
            return 0; // a loop, which the parser refuses itself
        }
        long length = replacement.length();
        Matcher reference = REFERENCE_OR_SKIPPED.matcher(replacement);
        while (reference.find() && length <= limit) {
            if (reference.group(1) != null && declared.containsKey(reference.group(1))) {
                length += expandedLength(reference.group(1), limit, open) - reference.group().length();
            }
        }
        open.remove(name);
        long capped = Math.min(length, limit + 1);
        expanded.put(name, capped);
        return capped;
    }
}
