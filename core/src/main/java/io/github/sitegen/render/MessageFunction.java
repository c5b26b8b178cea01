package io.github.sitegen.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

/** The {@code t('key', arguments...)} function templates call for every interface string. */
final class MessageFunction implements TemplateMethodModelEx {

    private final Messages messages;

    MessageFunction(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Object exec(List arguments) throws TemplateModelException {
        if (arguments.isEmpty()) {
            throw new TemplateModelException("t() takes the key of an interface string, such as t('nav.topics')");
        }
        List<Object> values = new ArrayList<>();
        for (Object argument : arguments) {
            Object value = DeepUnwrap.unwrap((TemplateModel) argument);
            values.add(value instanceof LocalDate date ? messages.formatDate(date) : value);
        }
        try {
            return messages.format(String.valueOf(values.get(0)), values.subList(1, values.size()));
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException(e.getMessage());
        }
    }
}
