package io.shardway.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Kubernetes objects that {@code helm template} printed, one YAML document each. */
final class Manifests {

  private final List<Map<String, Object>> objects;

  private Manifests(List<Map<String, Object>> objects) {
    this.objects = objects;
  }

  static Manifests parse(String yaml) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
      // A template that renders nothing leaves an empty document.
      if (document != null) {
        objects.add(YamlTree.map(document));
      }
    }
    return new Manifests(objects);
  }

  /** Returns the kind of every object, sorted, so that two objects of a kind appear twice. */
  List<String> kinds() {
    return objects.stream().map(object -> YamlTree.string(object, "kind")).sorted().toList();
  }

  /**
   * Returns the only object of {@code kind}.
   *
   * @throws AssertionError if there is none or more than one
   */
  Map<String, Object> only(String kind) {
    List<Map<String, Object>> found =
        objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one " + kind + ", found " + found.size() + " in " + kinds());
    }
    return found.get(0);
  }
}
