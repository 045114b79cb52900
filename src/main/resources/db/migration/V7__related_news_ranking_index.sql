-- Related news ranks its candidates from an index (issue 8). Portable SQL (H2 in PostgreSQL mode and PostgreSQL 15+).
--
-- A story's related news weighs some 400 candidates (the newest 200 of each of its tags, and its section's newest)
-- by their visibility, publish time and section, and only then reads the five it shows. By the primary key each
-- candidate was a row, and in H2 a row carries the story's body: 400 random reads of whole stories on each story's
-- first view (about a third of that view on a million stories). This index holds what the ranking needs, so H2
-- answers it from index entries. Built in about a minute on the benchmark's million stories.
create index article_visibility_by_id on article (id, status, published_at, section_id);
