using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Issue 21, item 4: who did something is kept by id, not by name. Each column that held a name as text gives an id
    /// column — the member of staff with that name (the only one: an ambiguous name matches no one), tried as written and,
    /// when it ends with a cause the app used to glue on ("李伟丹（订单）"), without it; "系统" is the system's own id — and, where
    /// the table has one, a cause column from that suffix. A text no member of staff's name matches becomes the system's id
    /// with the text kept whole in a …Text column: nothing is lost. Then the text columns go. Access-log rows and job runs
    /// already had a user id: only those without one are read by name. The history (AuditEntries) is append-only and is
    /// left as written: it has the user's id, and keeps the name it was written with. The SQL is the same on both databases.
    /// </summary>
    public partial class ActorsById : Migration
    {
        private const string SystemId = "system";

        /// <summary>One column that held who as text, and where it goes.</summary>
        /// <param name="NewId">False when the table already had the id column (only rows without an id are read by name).</param>
        /// <param name="Required">Whether the old text column was NOT NULL.</param>
        /// <param name="IdRequired">Whether the new id column is NOT NULL (as the old one, unless said).</param>
        private sealed record Field(string Table, string Old, string Id, string Cause, string Text, bool Required = false, bool NewId = true, bool? IdRequired = null)
        {
            public bool IdNotNull => NewId && (IdRequired ?? Required);
        }

        private static readonly Field[] Fields =
        [
            new("TierChanges", "By", "ById", "ByCause", "ByText", Required: true),
            new("CreditChanges", "By", "ById", "ByCause", "ByText", Required: true),
            new("StageChanges", "By", "ById", "ByCause", "ByText", Required: true),
            new("StageChanges", "ChurnRecordedBy", "ChurnRecordedById", null, "ChurnRecordedByText"),
            new("CustomerTasks", "DoneBy", "DoneById", null, "DoneByText"),
            new("SurveyAttempts", "By", "ById", null, "ByText", Required: true),
            new("SurveyResponses", "RecordedBy", "RecordedById", "RecordedByCause", "RecordedByText", IdRequired: true),
            new("SatisfactionReportRuns", "GeneratedBy", "GeneratedById", "GeneratedByCause", "GeneratedByText", Required: true),
            new("SatisfactionReportRuns", "PublishedBy", "PublishedById", null, "PublishedByText"),
            new("ReviewCycles", "OpenedBy", "OpenedById", "OpenedByCause", "OpenedByText", Required: true),
            new("QuestionnaireChanges", "RequestedBy", "RequestedById", null, "RequestedByText", Required: true),
            new("QuestionnaireChanges", "DepartmentAgreedBy", "DepartmentAgreedById", null, "DepartmentAgreedByText"),
            new("QuestionnaireChanges", "CustomerServiceAgreedBy", "CustomerServiceAgreedById", null, "CustomerServiceAgreedByText"),
            new("QuestionnaireChanges", "VpAgreedBy", "VpAgreedById", null, "VpAgreedByText"),
            new("QuestionnaireChanges", "RefusedBy", "RefusedById", null, "RefusedByText"),
            new("JobRuns", "StartedBy", "UserId", "StartedByCause", "StartedByText", Required: true, NewId: false),
            new("PersonalDataAccesses", "UserName", "UserId", null, "UserNameText", NewId: false),
        ];

        /// <summary>The causes the app glued on a name, as stored (ActorCause) and as written; "演示数据" was written alone.</summary>
        private static readonly (string Cause, string Suffix)[] Causes =
        [
            ("Nightly", "（夜间重算）"), ("Orders", "（订单）"), ("OrdersWritten", "（订单写入后评定）"), ("Import", "（导入）"), ("LifecycleSettings", "（修改生命周期设置）"),
            ("BusinessConditions", "（经营状况）"), ("ReviewSchedule", "（定期核查）"), ("SatisfactionReport", "（满意度报告）"),
        ];

        private const string Demo = "演示数据", SystemName = "系统";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var f in Fields)
            {
                if (f.NewId)
                    Column(migrationBuilder, f.Table, f.Id, 64, f.IdNotNull);
                if (f.Cause is not null)
                    Column(migrationBuilder, f.Table, f.Cause, 24, false);
                Column(migrationBuilder, f.Table, f.Text, 100, false);
            }
            foreach (var f in Fields)
                migrationBuilder.Sql(ById(f));
            foreach (var f in Fields)
                migrationBuilder.DropColumn(name: f.Old, table: f.Table);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var f in Fields)
                Column(migrationBuilder, f.Table, f.Old, 100, f.Required);
            foreach (var f in Fields)
                migrationBuilder.Sql(ByName(f));
            foreach (var f in Fields)
            {
                if (f.NewId)
                    migrationBuilder.DropColumn(name: f.Id, table: f.Table);
                if (f.Cause is not null)
                    migrationBuilder.DropColumn(name: f.Cause, table: f.Table);
                migrationBuilder.DropColumn(name: f.Text, table: f.Table);
            }
        }

        private static void Column(MigrationBuilder migrationBuilder, string table, string name, int length, bool required) =>
            migrationBuilder.AddColumn<string>(name: name, table: table, type: $"character varying({length})", maxLength: length, nullable: !required, defaultValue: required ? "" : null);

        /// <summary>The text moved to the …Text column, the cause and the id read from it, the text kept only when no one's name matched.</summary>
        private static string ById(Field f)
        {
            var (t, text, id) = ($"\"{f.Table}\"", $"\"{f.Table}\".\"{f.Text}\"", $"\"{f.Id}\"");
            var name = f.Cause is null ? text
                : "CASE " + string.Concat(Causes.Select(c => $"WHEN {text} LIKE '%{c.Suffix}' THEN substr({text}, 1, length({text}) - {c.Suffix.Length}) ")) + $"ELSE {text} END";
            string Match(string e) =>
                $"CASE WHEN (SELECT COUNT(*) FROM \"AspNetUsers\" u WHERE u.\"DisplayName\" = {e}) = 1 THEN (SELECT MIN(u.\"Id\") FROM \"AspNetUsers\" u WHERE u.\"DisplayName\" = {e}) END";
            var sql = $"UPDATE {t} SET \"{f.Text}\" = \"{f.Old}\" WHERE \"{f.Old}\" IS NOT NULL{(f.NewId ? "" : $" AND {id} IS NULL")};\n";
            if (f.Cause is not null)
            {
                sql += $"UPDATE {t} SET \"{f.Cause}\" = CASE " + string.Concat(Causes.Select(c => $"WHEN {text} LIKE '%{c.Suffix}' THEN '{c.Cause}' "))
                    + $"WHEN {text} = '{Demo}' THEN 'Demo' END WHERE {text} IS NOT NULL;\n";
            }
            sql += $"UPDATE {t} SET {id} = COALESCE({Match(text)}, {Match(name)}, '{SystemId}') WHERE {text} IS NOT NULL;\n";
            sql += $"UPDATE {t} SET \"{f.Text}\" = NULL WHERE {text} IS NOT NULL AND ({id} <> '{SystemId}' OR {name} = '{SystemName}'{(f.Cause is null ? "" : $" OR {text} = '{Demo}'")});\n";
            if (f.IdNotNull || !f.NewId)
                sql += $"UPDATE {t} SET {id} = '{SystemId}' WHERE {id} IS NULL OR {id} = '';\n";   // no one recorded (a survey answered by link, a job of the system's)
            return sql;
        }

        /// <summary>Back to names: the kept text, or today's name (the system's as "系统") with the cause.</summary>
        private static string ByName(Field f)
        {
            var (t, id) = ($"\"{f.Table}\"", $"\"{f.Table}\".\"{f.Id}\"");
            var cause = f.Cause is null ? "''" : "CASE \"" + f.Cause + "\" " + string.Concat(Causes.Select(c => $"WHEN '{c.Cause}' THEN '{c.Suffix}' ")) + "ELSE '' END";
            var name = $"CASE WHEN {id} = '{SystemId}' THEN '{SystemName}' ELSE (SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"Id\" = {id}) END";
            var demo = f.Cause is null ? "" : $"WHEN \"{f.Cause}\" = 'Demo' THEN '{Demo}' ";
            var sql = $"UPDATE {t} SET \"{f.Old}\" = COALESCE(\"{f.Text}\", CASE {demo}WHEN {id} IS NULL THEN NULL ELSE COALESCE({name}, {id}) || {cause} END){(f.Required ? ", ''" : "")});\n";
            if (!f.NewId)
                sql += $"UPDATE {t} SET {id} = NULL WHERE {id} = '{SystemId}'{(f.Required ? "" : $" AND \"{f.Old}\" = '{SystemName}'")};\n"
                    + (f.Required ? "" : $"UPDATE {t} SET \"{f.Old}\" = NULL WHERE \"{f.Old}\" = '{SystemName}' AND {id} IS NULL;\n");
            return sql;
        }
    }
}
