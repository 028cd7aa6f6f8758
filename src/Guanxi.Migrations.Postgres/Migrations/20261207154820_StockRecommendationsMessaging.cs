using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StockRecommendationsMessaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "VehicleMileage",
                table: "Orders",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BulkSends",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Filter = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SendAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    Suppressed = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkSends", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CarePlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Occasion = table.Column<string>(type: "character varying(28)", maxLength: 28, nullable: false),
                    Tiers = table.Column<int[]>(type: "integer[]", nullable: false),
                    Stages = table.Column<int[]>(type: "integer[]", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: false),
                    DaysBefore = table.Column<int>(type: "integer", nullable: false),
                    SendTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    CallTiers = table.Column<int[]>(type: "integer[]", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsentChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentChanges_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consents_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ItemPairs",
                columns: table => new
                {
                    Item = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Other = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Both = table.Column<int>(type: "integer", nullable: false),
                    ItemBuyers = table.Column<int>(type: "integer", nullable: false),
                    OtherBuyers = table.Column<int>(type: "integer", nullable: false),
                    Customers = table.Column<int>(type: "integer", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemPairs", x => new { x.Item, x.Other });
                });

            migrationBuilder.CreateTable(
                name: "MessageTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ProviderCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Archived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: true),
                    BulkSendId = table.Column<Guid>(type: "uuid", nullable: true),
                    CarePlanId = table.Column<Guid>(type: "uuid", nullable: true),
                    Occasion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DedupeKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Address = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Parameters = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PlannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SendBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ProviderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ErrorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ErrorText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(240)", maxLength: 240, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationTasks_CustomerTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "CustomerTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RecommendationTasks_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StockCounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Product = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    CountedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StockCounts_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StockProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Product = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Suggestion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StockProposals_CustomerTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "CustomerTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StockProposals_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BulkSends_CreatedAt",
                table: "BulkSends",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentChanges_CustomerId_At",
                table: "ConsentChanges",
                columns: new[] { "CustomerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentChanges_State_At",
                table: "ConsentChanges",
                columns: new[] { "State", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_Channel_Kind_State",
                table: "Consents",
                columns: new[] { "Channel", "Kind", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_CustomerId_Channel_Kind",
                table: "Consents",
                columns: new[] { "CustomerId", "Channel", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_BulkSendId_Status",
                table: "OutboxMessages",
                columns: new[] { "BulkSendId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_CustomerId_Channel_DedupeKey",
                table: "OutboxMessages",
                columns: new[] { "CustomerId", "Channel", "DedupeKey" },
                unique: true,
                filter: "\"DedupeKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_CustomerId_CreatedAt",
                table: "OutboxMessages",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProviderId",
                table: "OutboxMessages",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_PlannedAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "PlannedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationTasks_CustomerId_Key",
                table: "RecommendationTasks",
                columns: new[] { "CustomerId", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationTasks_TaskId",
                table: "RecommendationTasks",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_StockCounts_CustomerId_CountedOn",
                table: "StockCounts",
                columns: new[] { "CustomerId", "CountedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StockCounts_CustomerId_Product_CountedOn",
                table: "StockCounts",
                columns: new[] { "CustomerId", "Product", "CountedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StockProposals_CustomerId_Product",
                table: "StockProposals",
                columns: new[] { "CustomerId", "Product" });

            migrationBuilder.CreateIndex(
                name: "IX_StockProposals_TaskId",
                table: "StockProposals",
                column: "TaskId",
                unique: true);

            // SEC-1: the marketing consent the archive kept on each customer becomes the ledger's first word, per channel it names
            // (none named: every channel), with the day it was recorded.
            migrationBuilder.Sql(@"WITH channels(name, p1, p2) AS (VALUES ('Sms', '%短信%', '%sms%'), ('Email', '%邮%', '%mail%'), ('Phone', '%电话%', '%phone%')),
picked AS (
    SELECT c.""Id"" AS ""CustomerId"", ch.name AS ""Channel"", COALESCE(c.""ConsentAt"", c.""CreatedAt"") AS ""At"", c.""ConsentChannel"" AS ""Text""
    FROM ""Customers"" c CROSS JOIN channels ch
    WHERE c.""MarketingConsent"" AND c.""Status"" <> 'Merged'
      AND (COALESCE(c.""ConsentChannel"", '') LIKE ch.p1 OR lower(COALESCE(c.""ConsentChannel"", '')) LIKE ch.p2 OR NOT (COALESCE(c.""ConsentChannel"", '') LIKE '%短信%' OR lower(COALESCE(c.""ConsentChannel"", '')) LIKE '%sms%' OR COALESCE(c.""ConsentChannel"", '') LIKE '%邮%' OR lower(COALESCE(c.""ConsentChannel"", '')) LIKE '%mail%' OR COALESCE(c.""ConsentChannel"", '') LIKE '%电话%' OR lower(COALESCE(c.""ConsentChannel"", '')) LIKE '%phone%')))
INSERT INTO ""Consents"" (""Id"", ""CustomerId"", ""Channel"", ""Kind"", ""State"", ""Source"", ""Evidence"", ""At"", ""ById"", ""Version"")
SELECT gen_random_uuid(), p.""CustomerId"", p.""Channel"", 'Marketing', 'Granted', 'Staff', '档案中记录的营销同意（' || COALESCE(NULLIF(p.""Text"", ''), '未写渠道') || '）', p.""At"", 'system', gen_random_uuid() FROM picked p;
INSERT INTO ""ConsentChanges"" (""CustomerId"", ""Channel"", ""Kind"", ""State"", ""Source"", ""Evidence"", ""At"", ""ById"")
SELECT ""CustomerId"", ""Channel"", ""Kind"", ""State"", ""Source"", ""Evidence"", ""At"", ""ById"" FROM ""Consents"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BulkSends");

            migrationBuilder.DropTable(
                name: "CarePlans");

            migrationBuilder.DropTable(
                name: "ConsentChanges");

            migrationBuilder.DropTable(
                name: "Consents");

            migrationBuilder.DropTable(
                name: "ItemPairs");

            migrationBuilder.DropTable(
                name: "MessageTemplates");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "RecommendationTasks");

            migrationBuilder.DropTable(
                name: "StockCounts");

            migrationBuilder.DropTable(
                name: "StockProposals");

            migrationBuilder.DropColumn(
                name: "VehicleMileage",
                table: "Orders");
        }
    }
}
