using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportFromResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_RespondedOn",
                table: "SurveyResponses");

            migrationBuilder.DropIndex(
                name: "IX_Orders_Kind_DeliveredAt_Amount",
                table: "Orders");

            migrationBuilder.AddColumn<Guid>(
                name: "ProgramId",
                table: "SurveyResponses",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyTasks_Due_ProgramId_Outcome",
                table: "SurveyTasks",
                columns: new[] { "Due", "ProgramId", "Outcome" });

            // The responses to programs' surveys so far carry their program, as new ones do.
            migrationBuilder.Sql("""UPDATE "SurveyResponses" SET "ProgramId" = (SELECT t."ProgramId" FROM "SurveyTasks" t WHERE t."Id" = "SurveyResponses"."TaskId") WHERE "TaskId" IN (SELECT "Id" FROM "SurveyTasks" WHERE "ProgramId" IS NOT NULL);""");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_RespondedOn_ProgramId_SupersededBy_OverallS~",
                table: "SurveyResponses",
                columns: new[] { "RespondedOn", "ProgramId", "SupersededBy", "OverallScore" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Kind_DeliveredAt_Amount_Id",
                table: "Orders",
                columns: new[] { "Kind", "DeliveredAt", "Amount", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyTasks_Due_ProgramId_Outcome",
                table: "SurveyTasks");

            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_RespondedOn_ProgramId_SupersededBy_OverallS~",
                table: "SurveyResponses");

            migrationBuilder.DropIndex(
                name: "IX_Orders_Kind_DeliveredAt_Amount_Id",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ProgramId",
                table: "SurveyResponses");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_RespondedOn",
                table: "SurveyResponses",
                column: "RespondedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Kind_DeliveredAt_Amount",
                table: "Orders",
                columns: new[] { "Kind", "DeliveredAt", "Amount" });
        }
    }
}
