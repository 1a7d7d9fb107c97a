-- Province scale (issue 18): writers check whether a frame redelivered by the
-- bus is archived already (frame id = hash of protocol and bytes). A hash
-- index has no size limit on the key (SL 651 frames may exceed a B-tree
-- entry) and serves the equality join. Old nodes ignore it (rolling upgrade).
CREATE INDEX IF NOT EXISTS frames_bytes_hash ON frames USING hash (bytes);
