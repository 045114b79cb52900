-- Reader listings newest first, read in index order (issue 8). Portable SQL (H2 in PostgreSQL mode and PostgreSQL
-- 15+).
--
-- The two listing indexes again, with the publish time and id descending: the order readers see. H2 reads a
-- listing's page straight from an index only when the query's ORDER BY is the index's leading columns in the
-- index's own directions, and it never walks an index backwards: with the ascending indexes it read every public
-- story of the listing (or of the last 30 days, on a large archive), whole rows, and sorted them to keep the first
-- page. The queries order by the index's columns (status, and the section for a section), which are fixed by their
-- conditions, so the order readers see is unchanged. PostgreSQL walks either direction; for it this changes nothing.
drop index article_by_publication;
create index article_by_publication on article (status, published_at desc, id desc);

drop index article_by_section;
create index article_by_section on article (section_id, status, published_at desc, id desc);

-- Related news takes the newest stories of each of a story's tags, by id (ids grow with time). With the ascending
-- index H2 read every story of the tag to keep the newest 200: 273,368 index entries for the most used tag of the
-- benchmark's million stories, on each story's first view.
drop index article_tag_by_tag;
create index article_tag_by_tag on article_tag (tag_id, article_id desc);

-- The newsroom's list, newest change first, all stories or those of one status: on the benchmark's million stories
-- its first page read and sorted the whole table (50 s). The headline is in these two indexes too: the list's
-- headline filter reads the stories in change order until its page is full, and H2 tests "headline has these words"
-- on the index entries, reading a story's row only when its headline matches. Without it, a word that is in no
-- headline read every row of the archive, bodies and all (85 s on a million stories; 1 s from the index).
drop index article_by_update;
create index article_by_update on article (updated_at desc, id desc, headline);

drop index article_by_status_update;
create index article_by_status_update on article (status, updated_at desc, id desc, headline);
