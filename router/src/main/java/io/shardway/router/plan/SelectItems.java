package io.shardway.router.plan;

import io.shardway.router.Identifiers;
import java.math.BigInteger;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * The select list of a SELECT merged across shard groups: where each item's column is in the
 * result, and which item a name or position of ORDER BY or GROUP BY stands for, resolved as MySQL
 * resolves them.
 *
 * <p>A {@code *} or {@code t.*} stands for as many columns as its tables have, which only the
 * result shows: the items after one have no known place, and a position among its columns cannot be
 * told.
 */
final class SelectItems {

  private final List<SelectItem<?>> items;
  private final int firstStar;

  SelectItems(List<SelectItem<?>> items) {
    this.items = List.copyOf(items);
    int star = 0;
    while (star < this.items.size() && !isStar(star)) {
      star++;
    }
    this.firstStar = star;
  }

  int size() {
    return items.size();
  }

  boolean hasStar() {
    return firstStar < items.size();
  }

  /** Whether {@code item} is {@code *} or {@code t.*}, which JSqlParser reads as a kind of it. */
  boolean isStar(int item) {
    return items.get(item).getExpression() instanceof AllColumns;
  }

  Expression expression(int item) {
    return items.get(item).getExpression();
  }

  /** The client's column of {@code item}; -1 for none, or when a {@code *} hides its place. */
  int column(int item) {
    return item >= 0 && item < firstStar ? item : -1;
  }

  /**
   * The item an ORDER BY expression stands for, as MySQL reads it: a position ({@code ORDER BY 2}),
   * an alias, or the item's own expression; -1 when it is an expression of its own.
   *
   * @throws Refusal for a position that is no item or falls among the columns of a {@code *}, and
   *     for an alias of several items
   */
  int orderItem(Expression expression) {
    if (expression instanceof LongValue position) {
      return positioned(position, "ORDER BY");
    }
    int aliased = aliased(expression, "ORDER BY");
    return aliased >= 0 ? aliased : matching(expression);
  }

  /**
   * The item a GROUP BY expression stands for: a position, or the item's own expression; -1 when it
   * is an expression of its own.
   *
   * @throws Refusal for a position that is no item or falls among the columns of a {@code *}, and
   *     for a name that is the alias of another expression: GROUP BY reads a name first as a column
   *     of the FROM tables, which only the server knows, and then as an alias
   */
  int groupItem(Expression expression) {
    if (expression instanceof LongValue position) {
      return positioned(position, "GROUP BY");
    }
    if (expression instanceof Column column && aliasOfOther(column, "GROUP BY") >= 0) {
      throw new Refusal("GROUP BY the select alias " + column + " (name the expression instead)");
    }
    return matching(expression);
  }

  /**
   * Checks an expression of ORDER BY or GROUP BY that stands for no item before the merge copies it
   * into a column of its own, where aliases have no meaning.
   *
   * @throws Refusal if it names the alias of another expression
   */
  void checkNoAlias(Expression expression, String clause) {
    expression.accept(
        new ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(Column column, S context) {
            if (aliasOfOther(column, clause) >= 0) {
              throw new Refusal(clause + " on an expression that uses the select alias " + column);
            }
            return null;
          }

          /** A subquery's names are its own; the merge copies none. */
          @Override
          public <S> Void visit(Select select, S context) {
            return null;
          }
        },
        null);
  }

  /** The item whose expression reads as {@code expression} and whose place is known, or -1. */
  int matching(Expression expression) {
    String text = expression.toString();
    for (int i = 0; i < firstStar; i++) {
      if (expression(i).toString().equals(text)) {
        return i;
      }
    }
    return -1;
  }

  private int positioned(LongValue position, String clause) {
    BigInteger n = position.getBigIntegerValue();
    if (n.signum() < 1 || n.compareTo(BigInteger.valueOf(items.size())) > 0) {
      throw new Refusal(clause + " position " + n + ", which the select list does not have");
    }
    if (n.intValue() > firstStar) {
      throw new Refusal(clause + " position " + n + " of a select list with *");
    }
    return n.intValue() - 1;
  }

  /**
   * The item aliased {@code expression}, an unqualified name; -1 for none.
   *
   * @throws Refusal for an alias of several items
   */
  int aliased(Expression expression, String clause) {
    if (!(expression instanceof Column column) || isQualified(column)) {
      return -1;
    }
    String name = SqlNames.of(column.getColumnName());
    int found = -1;
    for (int i = 0; i < items.size(); i++) {
      if (name.equals(alias(items.get(i)))) {
        if (found >= 0) {
          throw new Refusal(clause + " the alias " + column + " of several select items");
        }
        found = i;
      }
    }
    return found;
  }

  /**
   * The item whose alias {@code column} names, unqualified, when the item is not that column
   * itself; -1 for none.
   */
  private int aliasOfOther(Column column, String clause) {
    int item = aliased(column, clause);
    if (item < 0) {
      return -1;
    }
    boolean itself =
        expression(item) instanceof Column named
            && !isQualified(named)
            && SqlNames.of(named.getColumnName()).equals(SqlNames.of(column.getColumnName()));
    return itself ? -1 : item;
  }

  private static boolean isQualified(Column column) {
    return column.getTable() != null && column.getTable().getName() != null;
  }

  /**
   * The alias of an item as a name, or null: an alias may be quoted with backticks, and also with
   * single or double quotes, which make it no string there.
   */
  private static String alias(SelectItem<?> item) {
    String alias = item.getAliasName();
    if (alias == null) {
      return null;
    }
    boolean quoted = alias.length() > 1 && (alias.startsWith("'") || alias.startsWith("\""));
    return Identifiers.normalized(quoted ? alias.substring(1, alias.length() - 1) : alias);
  }
}
