using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ConsentLedgerOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ProviderId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ConsentAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "ConsentChannel",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "MarketingConsent",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProviderId",
                table: "OutboxMessages",
                column: "ProviderId",
                filter: "\"ProviderId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ProviderId",
                table: "OutboxMessages");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConsentAt",
                table: "Customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentChannel",
                table: "Customers",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MarketingConsent",
                table: "Customers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProviderId",
                table: "OutboxMessages",
                column: "ProviderId");
        }
    }
}
