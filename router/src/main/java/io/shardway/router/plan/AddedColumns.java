package io.shardway.router.plan;

import io.shardway.router.plan.QueryMerge.Column;
import io.shardway.router.plan.QueryMerge.Key;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * The columns a merged SELECT's shard statement selects after the client's, for the merge only: a
 * key the select list lacks, the collation weights of a key that may be a string, the parts of an
 * AVG, an aggregate that HAVING or ORDER BY uses. An expression added twice is one column.
 *
 * <p>The shards evaluate an added expression again, beside the client's items, so it must give the
 * same value there: no subquery, no function whose every call differs ({@code RAND()}, {@code
 * UUID()}, …). Nor a {@code ?} placeholder: the statement's parameters are bound in text order, and
 * one in an added column, which comes before the FROM, would take another's value. While planning a
 * statement's shape, where a {@code ?} may stand for a literal its digest replaced, placeholders
 * are let through; {@link ShardRouter#queryMerge} then checks the text itself.
 */
final class AddedColumns {

  /** The start of the added columns' aliases: {@code __shardway_1}, {@code __shardway_2}, … */
  static final String ALIAS_PREFIX = "__shardway_";

  /** Functions that give another value at every call, even within one statement. */
  private static final Set<String> VOLATILE =
      Set.of("RAND", "RANDOM_BYTES", "UUID", "UUID_SHORT", "SYS_GUID", "SYSDATE");

  private final boolean placeholdersAllowed;
  private final List<Expression> expressions = new ArrayList<>();
  private final Map<String, Integer> indexes = new HashMap<>();

  /**
   * @param placeholdersAllowed whether a {@code ?} may be copied: it stands for a literal of the
   *     statement's digest
   */
  AddedColumns(boolean placeholdersAllowed) {
    this.placeholdersAllowed = placeholdersAllowed;
  }

  /**
   * The added column of {@code expression}, added now if it is not yet.
   *
   * @param clause where the statement uses it, for reasons: {@code ORDER BY}
   * @throws Refusal if the shards cannot evaluate it again to the same value
   */
  Column add(Expression expression, String clause) {
    String text = expression.toString();
    Integer index = indexes.get(text);
    if (index == null) {
      check(expression, clause);
      index = expressions.size();
      expressions.add(expression);
      indexes.put(text, index);
    }
    return Column.added(index);
  }

  /**
   * A key over {@code value} that compares, for a string, the weights of {@code expression} (the
   * value's expression) in its collation, added as two columns: {@code WEIGHT_STRING(x)}, and the
   * weight of one space where x's collation pads with spaces, empty where it does not.
   *
   * <p>The space's weight comes from comparing {@code 'a'} with {@code 'a '} and weighing {@code '
   * '}, each made x's collation by concatenation with {@code LEFT(x, 0)}, which is empty and has
   * x's collation with a stronger coercibility than a literal. For a value that is no string (a
   * number, a date) both weights are there but unused: the merge sees its type in the result.
   */
  Key stringKey(Column value, Expression expression, boolean descending, String clause) {
    Expression empty = new Function("LEFT", expression, new LongValue(0));
    Expression padded =
        new EqualsTo(
            new Function("CONCAT", empty, new StringValue("a")),
            new Function("CONCAT", empty, new StringValue("a ")));
    Expression space =
        new Function(
            "IF",
            padded,
            new Function("WEIGHT_STRING", new Function("CONCAT", empty, new StringValue(" "))),
            new StringValue(""));
    return new Key(
        value,
        add(new Function("WEIGHT_STRING", expression), clause),
        add(space, clause),
        descending);
  }

  int size() {
    return expressions.size();
  }

  /** The added select items, in order, each aliased {@link #ALIAS_PREFIX} and its number. */
  List<SelectItem<?>> items() {
    List<SelectItem<?>> items = new ArrayList<>(expressions.size());
    for (int i = 0; i < expressions.size(); i++) {
      items.add(SelectItem.from(expressions.get(i), new Alias(ALIAS_PREFIX + (i + 1), true)));
    }
    return items;
  }

  private void check(Expression expression, String clause) {
    expression.accept(
        new ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(JdbcParameter parameter, S context) {
            if (!placeholdersAllowed) {
              throw new Refusal("a ? placeholder in " + clause);
            }
            return null;
          }

          @Override
          public <S> Void visit(Select select, S context) {
            throw new Refusal("a subquery in " + clause);
          }

          @Override
          public <S> Void visit(Function function, S context) {
            String name = function.getName().toUpperCase(Locale.ROOT);
            if (VOLATILE.contains(name)) {
              throw new Refusal(clause + " " + name + "()");
            }
            return super.visit(function, context);
          }
        },
        null);
  }
}
