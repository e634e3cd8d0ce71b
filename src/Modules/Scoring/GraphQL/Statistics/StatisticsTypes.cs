using RfmGraph.GraphQL.Types;

namespace RfmGraph.Scoring.GraphQL.Statistics;

/// <summary>Types of segmentStatistics, segmentTransitions and previewSegmentScheme.</summary>
internal static class StatisticsTypes
{
    public static void Add(SchemaBuilder schema)
    {
        schema.Object<GroupStatistic>("RfmGroupStatistic", t => t
            .Description("Counts, revenue and averages of a group of scored customers.")
            .Field("customers", "Long!", g => g.Customers, "Customers in the group.")
            .Field("revenue", "Decimal!", g => g.Revenue, "Their net revenue in the window.")
            .Field("orders", "Long!", g => g.Orders, "Their counted orders.")
            .Field("averageOrderValue", "Decimal!", g => g.AverageOrderValue, "Revenue per counted order.")
            .Field("averageRecencyDays", "Decimal!", g => g.AvgRecencyDays, "Average days since the last order.")
            .Field("averageFrequency", "Decimal!", g => g.AvgFrequency, "Average counted orders per customer.")
            .Field("averageMonetary", "Decimal!", g => g.AvgMonetary, "Average revenue per customer."));
        schema.Object<SegmentStatistic>("SegmentStatistic", t => t
            .Description("Statistics of one segment.")
            .Field("segment", "RfmSegment!", s => new SegmentRef(s.Code, s.Name), "The segment.")
            .Field("statistics", "RfmGroupStatistic!", s => s.Group, "Its counts, revenue and averages."));
        schema.Object<ScoreStatistic>("ScoreStatistic", t => t
            .Description("Statistics of the customers with one score in one dimension.")
            .Field("score", "Int!", s => s.Score, "The score.")
            .Field("statistics", "RfmGroupStatistic!", s => s.Group, "Their counts, revenue and averages."));
        schema.Object<SegmentStatistics>("SegmentStatistics", t => t
            .Description("A run's statistics (seed 004's statistics and by-segment), computed in one SQL statement.")
            .Field("run", "RfmRun!", f => f.Description("The run.").ResolveAsync((s, ctx) => ScoringReads.RunAsync(ctx, s.Run.Id)))
            .Field("total", "RfmGroupStatistic!", s => s.Total, "All scored customers.")
            .Field("segments", "[SegmentStatistic!]!", s => s.Segments, "Per segment, by revenue (largest first).")
            .Field("recency", "[ScoreStatistic!]!", s => s.Recency, "Per R score, highest first.")
            .Field("frequency", "[ScoreStatistic!]!", s => s.Frequency, "Per F score, highest first.")
            .Field("monetary", "[ScoreStatistic!]!", s => s.Monetary, "Per M score, highest first."));
        schema.Object<TransitionView>("SegmentTransition", t => t
            .Description("Customers who were in one segment and are in another (or the same).")
            .Field("from", "RfmSegment", v => v.From, "Segment before; null = not scored then.")
            .Field("to", "RfmSegment", v => v.To, "Segment after; null = no longer scored.")
            .Field("customers", "Long!", v => v.Cell.Customers, "How many customers.")
            .Field("revenue", "Decimal!", v => v.Cell.Revenue, "Their revenue in the later run.")
            .Field("previousRevenue", "Decimal!", v => v.Cell.PreviousRevenue, "Their revenue in the earlier run."));
        schema.Object<SegmentTransitions>("SegmentTransitions", t => t
            .Description("The matrix of movements between the segments of two runs (non-empty cells only).")
            .Field("fromRun", "RfmRun!", f => f.Description("The earlier run.").ResolveAsync((s, ctx) => ScoringReads.RunAsync(ctx, s.From.Id)))
            .Field("toRun", "RfmRun!", f => f.Description("The later run.").ResolveAsync((s, ctx) => ScoringReads.RunAsync(ctx, s.To.Id)))
            .Field("cells", "[SegmentTransition!]!", s => TransitionView.Of(s.Cells, s.From, s.To), "Non-empty cells, largest first.")
            .Field("moved", "Long!", s => s.Cells.Where(c => c.FromCode != c.ToCode).Sum(c => c.Customers), "Customers whose segment changed (including customers entering or leaving)."));
    }
}
