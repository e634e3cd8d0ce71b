using Npgsql;
using NpgsqlTypes;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.Schemes;

/// <summary>Reads and defines segment schemes. A business sees the built-in schemes and its own.</summary>
internal sealed class SchemeStore(NpgsqlDataSource dataSource)
{
    private const string SelectScheme = """
        SELECT s.id, s.business_id, s.key, s.version, s.name, s.description, s.bins,
               s.fallback_name, s.fallback_code, s.fallback_description, s.fallback_actions,
               r.position, r.name, r.code, r.description, r.recommended_actions,
               r.r_min, r.r_max, r.f_min, r.f_max, r.m_min, r.m_max
        FROM scoring.segment_schemes s
        LEFT JOIN scoring.segment_rules r ON r.scheme_id = s.id
        """;

    /// <summary>The scheme version with this key (latest when <paramref name="version"/> is null).</summary>
    public async Task<SegmentScheme?> FindAsync(long businessId, string key, int? version, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            {SelectScheme}
            WHERE s.id = (SELECT id FROM scoring.segment_schemes
                          WHERE key = @key AND (business_id = @business OR business_id IS NULL)
                            AND (@version::integer IS NULL OR version = @version)
                          ORDER BY version DESC LIMIT 1)
            ORDER BY r.position
            """);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.Add(new NpgsqlParameter("version", NpgsqlDbType.Integer) { Value = (object?)version ?? DBNull.Value });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The scheme version with this id, if the business may see it.</summary>
    public async Task<SegmentScheme?> GetAsync(long businessId, long schemeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            {SelectScheme}
            WHERE s.id = @id AND (s.business_id = @business OR s.business_id IS NULL)
            ORDER BY r.position
            """);
        command.Parameters.AddWithValue("id", schemeId);
        command.Parameters.AddWithValue("business", businessId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Every scheme version the business can use: built-in first, then its own, by key and version.</summary>
    public async Task<IReadOnlyList<SegmentScheme>> ListAsync(long businessId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            {SelectScheme}
            WHERE s.business_id = @business OR s.business_id IS NULL
            ORDER BY s.business_id NULLS FIRST, s.key, s.version, r.position
            """);
        command.Parameters.AddWithValue("business", businessId);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// Stores the definition as the next version of its key. Submitting exactly the content of the
    /// latest version returns that version instead of creating an identical one.
    /// </summary>
    public async Task<SchemeDefinitionResult> DefineAsync(long businessId, SegmentSchemeDefinition definition, CancellationToken cancellationToken)
    {
        var errors = SchemeValidator.Validate(definition);
        if (errors.Count > 0)
        {
            return new SchemeDefinitionResult(null, errors);
        }

        var latest = await FindAsync(businessId, definition.Key, null, cancellationToken);
        if (latest is not null && latest.BusinessId == businessId && SameContent(latest, definition))
        {
            return new SchemeDefinitionResult(latest, []);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two definitions of one key at once would compute the same next version; serialise them per business and key.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('scoring.scheme:' || @business || ':' || @key, 0))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("business", businessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            lockCommand.Parameters.AddWithValue("key", definition.Key);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        long schemeId;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO scoring.segment_schemes (business_id, key, version, name, description, bins,
                                                 fallback_name, fallback_code, fallback_description, fallback_actions)
            SELECT @business, @key, coalesce(max(version), 0) + 1, @name, @description, @bins,
                   @fallback_name, @fallback_code, @fallback_description, @fallback_actions
            FROM scoring.segment_schemes WHERE business_id = @business AND key = @key
            RETURNING id
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("business", businessId);
            insert.Parameters.AddWithValue("key", definition.Key);
            insert.Parameters.AddWithValue("name", definition.Name);
            insert.Parameters.AddWithValue("description", definition.Description ?? string.Empty);
            insert.Parameters.AddWithValue("bins", (short)definition.Bins);
            insert.Parameters.AddWithValue("fallback_name", definition.Fallback.Name);
            insert.Parameters.AddWithValue("fallback_code", definition.Fallback.Code);
            insert.Parameters.AddWithValue("fallback_description", definition.Fallback.Description ?? string.Empty);
            insert.Parameters.AddWithValue("fallback_actions", definition.Fallback.RecommendedActions.ToArray());
            schemeId = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch)
        {
            for (var i = 0; i < definition.Rules.Count; i++)
            {
                var rule = definition.Rules[i];
                var command = new NpgsqlBatchCommand("""
                    INSERT INTO scoring.segment_rules (scheme_id, position, name, code, description, recommended_actions,
                                                       r_min, r_max, f_min, f_max, m_min, m_max)
                    VALUES (@scheme, @position, @name, @code, @description, @actions, @r_min, @r_max, @f_min, @f_max, @m_min, @m_max)
                    """);
                command.Parameters.AddWithValue("scheme", schemeId);
                command.Parameters.AddWithValue("position", (short)(i + 1));
                command.Parameters.AddWithValue("name", rule.Name);
                command.Parameters.AddWithValue("code", rule.Code);
                command.Parameters.AddWithValue("description", rule.Description ?? string.Empty);
                command.Parameters.AddWithValue("actions", rule.RecommendedActions.ToArray());
                command.Parameters.AddWithValue("r_min", (short)rule.R.Min);
                command.Parameters.AddWithValue("r_max", (short)rule.R.Max);
                command.Parameters.AddWithValue("f_min", (short)rule.F.Min);
                command.Parameters.AddWithValue("f_max", (short)rule.F.Max);
                command.Parameters.AddWithValue("m_min", (short)rule.M.Min);
                command.Parameters.AddWithValue("m_max", (short)rule.M.Max);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new SchemeDefinitionResult(await GetAsync(businessId, schemeId, cancellationToken), []);
    }

    private static bool SameContent(SegmentScheme existing, SegmentSchemeDefinition definition) =>
        existing.Name == definition.Name
        && existing.Description == (definition.Description ?? string.Empty)
        && existing.Bins == definition.Bins
        && existing.Fallback.Name == definition.Fallback.Name
        && existing.Fallback.Code == definition.Fallback.Code
        && existing.Fallback.Description == (definition.Fallback.Description ?? string.Empty)
        && existing.Fallback.RecommendedActions.SequenceEqual(definition.Fallback.RecommendedActions)
        && existing.Rules.Count == definition.Rules.Count
        && existing.Rules.Zip(definition.Rules).All(p =>
            p.First.Name == p.Second.Name && p.First.Code == p.Second.Code
            && p.First.Description == (p.Second.Description ?? string.Empty)
            && p.First.RecommendedActions.SequenceEqual(p.Second.RecommendedActions)
            && p.First.R == p.Second.R && p.First.F == p.Second.F && p.First.M == p.Second.M);

    private static async Task<IReadOnlyList<SegmentScheme>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var schemes = new List<SegmentScheme>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        SegmentScheme? current = null;
        List<SegmentRule>? rules = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            if (current is null || current.Id != id)
            {
                rules = [];
                current = new SegmentScheme(
                    id,
                    reader.IsDBNull(1) ? null : reader.GetInt64(1),
                    reader.GetString(2),
                    reader.GetInt32(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.GetInt16(6),
                    new FallbackSegment(reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetFieldValue<string[]>(10)),
                    rules);
                schemes.Add(current);
            }

            if (!reader.IsDBNull(11))
            {
                rules!.Add(new SegmentRule(
                    reader.GetInt16(11),
                    reader.GetString(12),
                    reader.GetString(13),
                    reader.GetString(14),
                    reader.GetFieldValue<string[]>(15),
                    new ScoreRange(reader.GetInt16(16), reader.GetInt16(17)),
                    new ScoreRange(reader.GetInt16(18), reader.GetInt16(19)),
                    new ScoreRange(reader.GetInt16(20), reader.GetInt16(21))));
            }
        }

        return schemes;
    }
}

/// <summary>The stored scheme version, or why the definition was rejected.</summary>
internal sealed record SchemeDefinitionResult(SegmentScheme? Scheme, IReadOnlyList<ScoringUserError> Errors);
