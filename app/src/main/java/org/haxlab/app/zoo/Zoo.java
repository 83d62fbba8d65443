package org.haxlab.app.zoo;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.sparse.Pattern;

/**
 * The zoo: a task grid and the models trained on it.
 *
 * @param file   where it was read from
 * @param grid   the grid the app generates sequences from
 * @param models the models, ids unique
 */
public record Zoo(Path file, ZooGrid grid, List<ZooModel> models) {

    /** Where the app looks for the zoo, relative to the working directory. */
    public static final Path DEFAULT_FILE = Path.of("samples", "zoo.json");

    public Zoo {
        if (grid == null) {
            throw new IllegalArgumentException("grid is required");
        }
        if (models == null || models.isEmpty()) {
            throw new IllegalArgumentException("a zoo holds at least one model");
        }
        Set<String> ids = new HashSet<>();
        for (ZooModel m : models) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("model id '" + m.id() + "' appears twice");
            }
        }
        models = List.copyOf(models);
    }

    /** The model with id {@code id}. */
    public Optional<ZooModel> find(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * The model with id {@code id}.
     *
     * @throws IllegalArgumentException naming the id and the zoo's ids
     */
    public ZooModel get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("the zoo " + file + " has no model '" + id
                + "'; its models are " + String.join(", ", models.stream().map(ZooModel::id).toList())));
    }

    /**
     * The model a first start shows: the most accurate +HAX (a first look should be at a model that recalls;
     * on a tie the one on {@code backbone}), else the most accurate model.
     */
    public ZooModel showcase(Backbone backbone) {
        java.util.Comparator<ZooModel> best = java.util.Comparator.comparingDouble(ZooModel::accuracy)
                .thenComparing(m -> m.backbone() == backbone);
        return models.stream().filter(m -> m.pattern() == Pattern.HAX).max(best)
                .orElseGet(() -> models.stream().max(java.util.Comparator.comparingDouble(ZooModel::accuracy)).get());
    }
}
