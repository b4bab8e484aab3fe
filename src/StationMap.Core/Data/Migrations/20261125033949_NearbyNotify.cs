using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StationMap.Data.Migrations
{
    /// <inheritdoc />
    public partial class NearbyNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The nearest index listens on "stations_changed". Statement-level triggers with transition
            // tables send one notification per statement: the changed ids, or "all" for big changes.
            // PostgreSQL folds identical payloads within a transaction, so an import notifies once.
            migrationBuilder.Sql(NearbyNotifySql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(NearbyNotifySql.Down);
        }
    }
}
