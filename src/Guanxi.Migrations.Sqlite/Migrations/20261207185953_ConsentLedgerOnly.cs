using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
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

            migrationBuilder.AddColumn<long>(
                name: "ConsentAt",
                table: "Customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentChannel",
                table: "Customers",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MarketingConsent",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProviderId",
                table: "OutboxMessages",
                column: "ProviderId");
        }
    }
}
