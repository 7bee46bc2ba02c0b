package cn.propertycompliance.api;

/** A named resource (decision, region…) does not exist (404). */
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
