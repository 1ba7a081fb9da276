/**
 * `/ladders/:ladderId.json`, whose document is its index route (ladders.$ladderId[.json]._index.tsx).
 * It is an index route under this one so that React Router ranks it above the ladder's own overview
 * (`/ladders/:ladderId`, itself an index route): a parameter with a suffix (`:ladderId.json`) ranks
 * above a bare one, but an index route's bonus would otherwise outrank it and serve the overview of
 * a ladder named "engineering.json". This route has no loader and no page of its own.
 */
export {};
