// The lab has no program of its own: the pages call the methods of LabExports once the runtime has started.
return;
