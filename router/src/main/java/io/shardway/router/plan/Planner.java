package io.shardway.router.plan;

import io.shardway.router.StatementClassifier;
import io.shardway.router.StatementInfo;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Plans a statement that names a table outside the default group: parses it and hands it to the
 * analysis of its kind, then checks that the analysis saw every use of such a table that the lexer
 * saw.
 */
final class Planner {

  /** How reasons name a SELECT whose rows spread, with {@code %s} for its sharded tables. */
  static final String SELECT_PHRASE = "a SELECT that reads %s from several shard groups";

  private Planner() {}

  /**
   * @throws Refusal when the statement cannot be routed correctly
   */
  static RoutePlan plan(StatementText text, Layouts layouts) {
    RoutePlan described = TableDescription.plan(text, layouts);
    if (described != null) {
      return described;
    }
    StatementInfo info = classify(text);
    Statement statement = parse(text);
    Footprint footprint = new Footprint(layouts);
    SelectAnalysis selects = new SelectAnalysis(footprint, SessionFeatures.spreadBlocker(info));
    int params = text.parameterCount();
    RoutePlan plan;
    if (statement instanceof Select select) {
      selects.select(select, new Role(true, SELECT_PHRASE, null));
      SelectMerge merge = selects.merge();
      plan = footprint.plan(merge.merge(), merge.rowLimit(), params);
    } else if (statement instanceof Insert insert) {
      plan = InsertAnalysis.plan(insert, selects, info, params);
    } else if (statement instanceof Upsert upsert) {
      plan = InsertAnalysis.plan(upsert, selects, info, params);
    } else if (statement instanceof Update update) {
      plan = WriteAnalysis.update(update, selects, info, params);
    } else if (statement instanceof Delete delete) {
      plan = WriteAnalysis.delete(delete, selects, info, params);
    } else if (DdlAnalysis.handles(statement)) {
      plan = DdlAnalysis.plan(statement, selects, params);
    } else if (statement instanceof DescribeStatement describe) {
      plan = describe(describe, footprint, params);
    } else {
      String kind = text.firstWord().isEmpty() ? "this kind of" : text.firstWord();
      throw new Refusal(kind + " statements that use " + text.mentioned());
    }
    footprint.checkUses(text);
    return plan;
  }

  /**
   * What the classifier finds in the statement.
   *
   * @throws Refusal for what the analysis cannot follow: a versioned executable comment, which the
   *     server may skip, or several statements
   */
  static StatementInfo classify(StatementText text) {
    if (text.versionedComment()) {
      throw new Refusal(
          "executable comments with a server version (/*!50700 … */) in a statement that uses "
              + text.mentioned());
    }
    StatementInfo info = StatementClassifier.classify(text.parsable());
    if (info.statementCount() > 1) {
      throw new Refusal("several statements in one query when one uses " + text.mentioned());
    }
    return info;
  }

  /**
   * The statement's syntax tree.
   *
   * @throws Refusal when JSqlParser cannot parse it
   */
  static Statement parse(StatementText text) {
    Statement statement = SqlParser.parse(text.parsable());
    if (statement == null) {
      throw new Refusal("a statement that uses " + text.mentioned() + " and cannot be parsed");
    }
    return statement;
  }

  /** DESCRIBE: every group of a table holds the same definition; one of them answers. */
  private static RoutePlan describe(DescribeStatement describe, Footprint footprint, int params) {
    TableRef table = footprint.table(describe.getTable());
    if (table == null) {
      throw new Refusal("DESCRIBE of " + describe.getTable());
    }
    return new FixedPlan(new Route.Single(table.layout().groups().get(0)), params);
  }
}
