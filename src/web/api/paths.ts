/** Where the JSON API lives, named once: the route table registers it, pages and the static export point to it. */
export const API_V1 = '/api/v1';

/** The quiz's client script posts answers here (the form itself posts to /quiz). */
export const QUIZ_ANSWER_API = `${API_V1}/quiz/answer`;
