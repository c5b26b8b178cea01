package io.github.sitegen.render;

import java.util.List;

import io.github.sitegen.model.Link;
import io.github.sitegen.model.Question;
import io.github.sitegen.model.QuestionLink;
import io.github.sitegen.model.Topic;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

/**
 * The {@code url(...)} function templates call to link anything: a topic, a question, or a site
 * path such as {@code 'assets/site-gen.css'}, or a link of site.yaml (its URL, or its path from the
 * site's root). It is bound to the page being rendered, so templates
 * never build URLs by hand.
 */
final class UrlFunction implements TemplateMethodModelEx {

    private final Urls urls;

    UrlFunction(Urls urls) {
        this.urls = urls;
    }

    @Override
    public Object exec(List arguments) throws TemplateModelException {
        if (arguments.size() != 1) {
            throw new TemplateModelException("url() takes one argument: a topic, a question, a link or a site path");
        }
        Object target = DeepUnwrap.unwrap((TemplateModel) arguments.get(0));
        if (target instanceof Topic topic) {
            return urls.link(Urls.topicPath(topic));
        }
        if (target instanceof Question question) {
            return urls.link(Urls.questionPath(question.link()));
        }
        if (target instanceof QuestionLink link) {
            return urls.link(Urls.questionPath(link));
        }
        if (target instanceof Link link) {
            return link.external() ? link.url() : urls.fromRoot(link.url());
        }
        if (target instanceof String path) {
            if (path.startsWith("/") || path.contains("://") || path.contains("..")) {
                throw new TemplateModelException("url('" + path + "'): give a site path such as 'assets/site-gen.css'"
                        + " or 'index.html', without a leading slash, host or '..'");
            }
            return urls.link(path);
        }
        throw new TemplateModelException("url() cannot link a " + (target == null ? "null" : target.getClass().getSimpleName())
                + "; give a topic, a question or a site path");
    }
}
