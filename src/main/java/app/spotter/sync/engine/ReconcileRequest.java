package app.spotter.sync.engine;

import java.io.Serializable;

/** db-scheduler task data: whose booking (the task instance id is the booking id) and how many tries so far. */
record ReconcileRequest(String trainerId, int attempt) implements Serializable {}
