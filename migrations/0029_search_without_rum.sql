-- Full-text search without the rum extension.
--
-- Migrations 0007 and 0009 added RUM indexes on the search vector and on the head where the
-- extension loads. On the benchmark data set, Debian's postgresql-15-rum 1.3.13 corrupted the
-- head index (an update read block 65536 of a 1,020-block file) and, after a REINDEX, an
-- update of 32 practices looped in rumFindLeafPage at full CPU, holding its row locks and
-- ignoring both the statement's cancellation and pg_terminate_backend: only a restart of
-- PostgreSQL ended it. Search ranks on the GIN-indexed head (0009) as fast as it did with RUM on
-- that data set, so the RUM indexes go. The extension itself stays where it was created (it may
-- belong to another role); nothing uses it.

DROP INDEX IF EXISTS practices_search_rum;
DROP INDEX IF EXISTS practices_search_head_rum;
