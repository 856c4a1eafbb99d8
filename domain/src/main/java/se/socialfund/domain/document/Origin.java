package se.socialfund.domain.document;

/** Whether the municipality received the document (inkommen handling) or drew it up itself (upprättad). */
public enum Origin { RECEIVED, DRAWN_UP }
